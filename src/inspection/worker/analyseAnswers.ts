/**
 * JSON text to analysed wire participant: parse, normalise, merge the peers' reports, detect issues and
 * build the webview's columns. Pure and synchronous: the stats worker runs it off the extension host's
 * thread, and the host runs it itself when the worker cannot start.
 */
import { detectIssues, peerIssues, verdictOf } from '../../analysis/detectIssues';
import { joinChunks, MAX_RESPONSE_BYTES, type BodyChunks } from '../../api/bodyChunks';
import { wholeBody, type ContentEncoding } from '../../api/contentEncoding';
import { dataOf, readData, type AnswerProblem } from '../../api/envelope';
import { normalizeParticipant } from '../../api/normalize';
import type { RawSessionParticipant } from '../../api/types';
import { digestPeers, type PeerDigest } from '../../sessionAnalysis/attributionDigest';
import { participantFindings } from '../../sessionAnalysis/participantAnalysis';
import type { DetectedIssue, InspectedParticipant, PeerStats, Verdict } from '../../shared/model';
import type { ParticipantRow } from '../../shared/session';
import { packEachPeer, packParticipant } from '../../shared/packColumns';
import { previewParticipant } from '../../shared/previewColumns';
import { toWireParticipant, toWirePeer, type WireParticipant, type WirePeerStats } from '../../shared/wire';
import { mergePeerReports, peersToRead } from '../mergePeerReports';
import { bodiesReadAlong } from './readAlong';

/**
 * An answer's text, or its UTF-8 bytes in the pieces they came in (joined and decoded here), with the ID
 * they were read along under as they arrived (readAlong.ts) when they were: what that parsed, if here, is
 * used. Pieces with an `encoding` came compressed, and are decompressed here too.
 */
export type AnswerBody = string | BodyChunks | { readAlong?: number; chunks: BodyChunks; encoding?: ContentEncoding };

export interface AnswersRequest {
  target: { kind: 'sessionParticipant'; sessionId: string } | { kind: 'peer'; peerId: string };
  /** The target's own answer (read here, off the extension host's thread). */
  text: AnswerBody;
  /**
   * Its peers' reports, once asked for ('needPeers'); those that could not be fetched are left out.
   * Each is its text, or the key of the report read ahead as it came (PeerReportsReadAhead).
   */
  peers?: Array<{ peerId: string; text: AnswerBody } | { peerId: string; readAhead: number }>;
  /** The session overview's list entry of the participant: the result then holds its table row, and its attribution digest. */
  listEntry?: RawSessionParticipant;
  /** Wants the attribution digest (compare), without a table row. */
  digest?: boolean;
}

export interface AnswersTimes {
  /** Per text: the target's answer, then each peer's. */
  parseMs: number[];
  normaliseMs: number;
  analyseMs: number;
  /** Building the columns. */
  wireMs: number;
}

export interface PeerProblem {
  peerId: string;
  problem: AnswerProblem;
}

export type AnswersResult = { times: AnswersTimes } & (
  | { kind: 'problem'; problem: AnswerProblem }
  /** The target's statistics are in these peers' reports: ask again with them. */
  | { kind: 'needPeers'; peerIds: string[] }
  /** No peer report could be read. */
  | { kind: 'unreadPeers'; peerProblems: PeerProblem[] }
  | {
      kind: 'analysed';
      participant: WireParticipant;
      issues: DetectedIssue[];
      verdict: Verdict;
      peerProblems: PeerProblem[];
      /** Given a list entry or asked for: what who-affected-whom needs (the samples stay in the columns). */
      digest?: PeerDigest[];
      /** Given a list entry: the session overview's table row. */
      row?: ParticipantRow;
      /** For a stats panel with long tracks: the first paint's columns (previewColumns.ts), each peer's packed apart. */
      preview?: WireParticipant;
    }
);

/** A peer's report parsed and normalised (`characters`: its text's length, which bounds those kept), or why it could not be. */
type ReadPeerReport = { report: InspectedParticipant; derived?: PeerDerived; characters: number } | { problem: AnswerProblem };

/**
 * What a report read ahead gives each of its peers, found then so that after the last report came only
 * the last one's is left to find: its issues (peerIssues) and its columns (toWirePeer).
 */
interface PeerDerived {
  issues: Map<PeerStats, DetectedIssue[]>;
  wire: Map<PeerStats, WirePeerStats>;
}

/** What reading a peer report ahead took; `kept`: it was the same as the peer's last one, read then. */
export interface ReadAheadResult {
  times: AnswersTimes;
  kept?: boolean;
  /** The report is now the one kept as the peer's last read (it had a fingerprint and was read, or kept). */
  remembered?: boolean;
  /** Peers whose last report read went to make room for this one. */
  forgotten?: string[];
}

/**
 * How much of the answers last read (their bytes) the reports kept for the next Refresh stand for: the
 * heavy participant's three reports (41 MB) fit, a session overview's hundreds of peers mostly not.
 */
const KEPT_REPORTS_BYTES = 64 * 1024 * 1024;

/**
 * Peer reports parsed and normalised as each one arrives, while the others still download, and kept
 * (one store per thread that analyses) until the participant's analysis takes them by key. Each peer's
 * last report read is kept too, by the fingerprint of its bytes: in a LIVE call only the report of the
 * peer still in it changes, and a Refresh then reads that one alone.
 */
export class PeerReportsReadAhead {
  private readonly reports = new Map<number, ReadPeerReport>();
  /** Each peer's last report read, oldest first; nothing in them is changed by an analysis. */
  private readonly latest = new Map<string, { fingerprint: string; read: ReadPeerReport; bytes: number }>();
  private latestBytes = 0;

  constructor(private readonly keptBytes = KEPT_REPORTS_BYTES) {}

  /**
   * Reads a report now; the analysis takes it later by its key. Given its fingerprint, a report the
   * same as the last one read of that peer is not read again.
   */
  read(key: number, peerId: string, text: AnswerBody, fingerprint?: string): ReadAheadResult {
    const times = newTimes();
    const last = this.latest.get(peerId);
    if (last && fingerprint !== undefined && last.fingerprint === fingerprint) {
      this.keep(peerId, last);
      this.reports.set(key, last.read);
      return { times, kept: true, remembered: true };
    }
    const timed = timer(times);
    const read = readPeerReport(peerId, text, times);
    if ('report' in read) {
      const peers = read.report.peerStats;
      read.derived = {
        issues: timed('analyseMs', () => new Map(peers.map((peer) => [peer, peerIssues(peer)]))),
        wire: timed('wireMs', () => new Map(peers.map((peer) => [peer, toWirePeer(peer)]))),
      };
      if (fingerprint !== undefined) {
        const forgotten = this.keep(peerId, { fingerprint, read, bytes: read.characters });
        this.reports.set(key, read);
        return { times, remembered: !forgotten.includes(peerId), forgotten };
      }
    }
    this.reports.set(key, read);
    return { times };
  }

  /**
   * The peer's last report read is this one, now the newest; the oldest go while they stand for too
   * much (this one too, alone over the bound). Returns the peers whose report went.
   */
  private keep(peerId: string, entry: { fingerprint: string; read: ReadPeerReport; bytes: number }): string[] {
    const before = this.latest.get(peerId);
    if (before) {
      this.latest.delete(peerId);
      this.latestBytes -= before.bytes;
    }
    this.latest.set(peerId, entry);
    this.latestBytes += entry.bytes;
    const forgotten: string[] = [];
    for (const [oldest, kept] of this.latest) {
      if (this.latestBytes <= this.keptBytes) break;
      this.latest.delete(oldest);
      this.latestBytes -= kept.bytes;
      forgotten.push(oldest);
    }
    return forgotten;
  }

  take(key: number): ReadPeerReport | undefined {
    const read = this.reports.get(key);
    this.reports.delete(key);
    return read;
  }

  /** Forgets reports no analysis will take (the inspection failed or was cancelled). */
  release(keys: number[]): void {
    for (const key of keys) this.reports.delete(key);
  }
}

const newTimes = (): AnswersTimes => ({ parseMs: [], normaliseMs: 0, analyseMs: 0, wireMs: 0 });

function timer(times: AnswersTimes) {
  return <T>(phase: 'normaliseMs' | 'analyseMs' | 'wireMs', work: () => T): T => {
    const started = performance.now();
    const value = work();
    times[phase] += performance.now() - started;
    return value;
  };
}

const decoder = new TextDecoder();

function textOf(body: AnswerBody): string {
  if (typeof body === 'string') return body;
  if (!('chunks' in body)) return decoder.decode(joinChunks(body));
  return decoder.decode(wholeBody(body.chunks, body.encoding, MAX_RESPONSE_BYTES));
}

/**
 * A body read along as it came is parsed already; otherwise (or when it is not JSON, to say why) its
 * pieces are joined and decoded in one go, which costs less than one by one, and counts as parsing.
 */
function parse(body: AnswerBody, times: AnswersTimes) {
  const started = performance.now();
  const readAlong = typeof body === 'object' && 'chunks' in body ? body.readAlong : undefined;
  const parsed = readAlong === undefined ? undefined : bodiesReadAlong.take(readAlong);
  const text = parsed ? { value: parsed.value, characters: parsed.characters } : textOf(body);
  const read = typeof text === 'string' ? readData(text) : dataOf(text.value);
  times.parseMs.push(performance.now() - started);
  return { read, characters: typeof text === 'string' ? text.length : text.characters };
}

function readPeerReport(peerId: string, text: AnswerBody, times: AnswersTimes): ReadPeerReport {
  const { read, characters } = parse(text, times);
  if ('problem' in read) return read;
  return { report: timer(times)('normaliseMs', () => normalizeParticipant('peer', read.data, { peerId })), characters };
}

/** Works out a request; peer reports given by key are taken from `readAhead`. */
export function analyseAnswers(request: AnswersRequest, readAhead?: PeerReportsReadAhead): AnswersResult {
  const times = newTimes();
  const timed = timer(times);
  const main = parse(request.text, times).read;
  if ('problem' in main) return { kind: 'problem', problem: main.problem, times };
  const target = request.target;
  let participant = timed('normaliseMs', () =>
    target.kind === 'peer'
      ? normalizeParticipant('peer', main.data, { peerId: target.peerId })
      : normalizeParticipant('sessionParticipant', main.data, { sessionId: target.sessionId }),
  );
  const peerProblems: PeerProblem[] = [];
  const known: PeerDerived = { issues: new Map(), wire: new Map() };
  const peerIds = target.kind === 'sessionParticipant' ? peersToRead(participant) : [];
  if (peerIds.length > 0) {
    if (!request.peers) return { kind: 'needPeers', peerIds, times };
    const reports: InspectedParticipant[] = [];
    for (const peer of request.peers) {
      const read = 'text' in peer ? readPeerReport(peer.peerId, peer.text, times) : readAhead?.take(peer.readAhead);
      if (!read) throw new Error(`The report of peer ${peer.peerId} was lost before it was analysed: the statistics worker restarted.`);
      if ('problem' in read) peerProblems.push({ peerId: peer.peerId, problem: read.problem });
      else {
        reports.push(read.report);
        read.derived?.issues.forEach((issues, stats) => known.issues.set(stats, issues));
        read.derived?.wire.forEach((wire, stats) => known.wire.set(stats, wire));
      }
    }
    if (reports.length === 0) return { kind: 'unreadPeers', peerProblems, times };
    participant = timed('normaliseMs', () => mergePeerReports(participant, reports));
  }
  const analysed = participant;
  const listEntry = request.listEntry;
  const findings = listEntry
    ? timed('analyseMs', () => participantFindings(listEntry, analysed, known.issues))
    : timed('analyseMs', () => {
        const issues = detectIssues(analysed, known.issues);
        return { issues, verdict: verdictOf(issues, analysed), row: undefined };
      });
  // The overview and compare want the digest; only a stats panel, which wants none, paints a preview first.
  const forStatsPanel = !listEntry && !request.digest;
  const digest = forStatsPanel ? undefined : timed('analyseMs', () => digestPeers(analysed.peerStats));
  const wire = timed('wireMs', () => packParticipant(toWireParticipant(analysed, known.wire)));
  // Cut here, the preview costs the extension host's thread nothing.
  const cut = forStatsPanel ? timed('wireMs', () => previewParticipant(wire)) : wire;
  const preview = cut === wire ? undefined : timed('wireMs', () => packEachPeer(cut));
  return { kind: 'analysed', participant: wire, ...findings, digest, peerProblems, preview, times };
}

/** The columns' buffers, to transfer rather than copy. */
export function transferablesOf(result: AnswersResult): ArrayBuffer[] {
  if (result.kind !== 'analysed') return [];
  const columns = [result.participant, ...(result.preview ? [result.preview] : [])].flatMap((participant) =>
    participant.peerStats.flatMap((peer) =>
      peer.tracks.flatMap((track) => Object.values(track.columns).map((column) => column.buffer as ArrayBuffer)),
    ),
  );
  const measured = (result.digest ?? []).flatMap((peer) =>
    peer.tracks.flatMap((track) =>
      track.measured ? [track.measured.t.buffer as ArrayBuffer, track.measured.rules.buffer as ArrayBuffer] : [],
    ),
  );
  // Every column of a participant is a view into one buffer (packParticipant), listed once.
  return [...new Set([...columns, ...measured])];
}

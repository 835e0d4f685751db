/**
 * JSON text to analysed wire participant: parse, normalise, merge the peers' reports, detect issues and
 * build the webview's columns. Pure and synchronous: the stats worker runs it off the extension host's
 * thread, and the host runs it itself when the worker cannot start.
 */
import { detectIssues, verdictOf } from '../../analysis/detectIssues';
import { readData, type AnswerProblem } from '../../api/envelope';
import { normalizeParticipant } from '../../api/normalize';
import type { RawSessionParticipant } from '../../api/types';
import { digestPeers, type PeerDigest } from '../../sessionAnalysis/attributionDigest';
import { participantFindings } from '../../sessionAnalysis/participantAnalysis';
import type { DetectedIssue, InspectedParticipant, Verdict } from '../../shared/model';
import type { ParticipantRow } from '../../shared/session';
import { packParticipant } from '../../shared/packColumns';
import { toWireParticipant, type WireParticipant } from '../../shared/wire';
import { mergePeerReports, peersToRead } from '../mergePeerReports';

export type AnswerBody = string | Uint8Array;

export interface AnswersRequest {
  target: { kind: 'sessionParticipant'; sessionId: string } | { kind: 'peer'; peerId: string };
  /** The target's own answer: its text, or its UTF-8 bytes (decoded here, off the extension host's thread). */
  text: AnswerBody;
  /** Its peers' reports, once asked for ('needPeers'); those that could not be fetched are left out. */
  peers?: Array<{ peerId: string; text: AnswerBody }>;
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
    }
);

export function analyseAnswers(request: AnswersRequest): AnswersResult {
  const times: AnswersTimes = { parseMs: [], normaliseMs: 0, analyseMs: 0, wireMs: 0 };
  const timed = <T>(phase: 'normaliseMs' | 'analyseMs' | 'wireMs', work: () => T): T => {
    const started = performance.now();
    const value = work();
    times[phase] += performance.now() - started;
    return value;
  };
  const decoder = new TextDecoder();
  const parse = (body: AnswerBody) => {
    const started = performance.now();
    const read = readData(typeof body === 'string' ? body : decoder.decode(body));
    times.parseMs.push(performance.now() - started);
    return read;
  };
  const main = parse(request.text);
  if ('problem' in main) return { kind: 'problem', problem: main.problem, times };
  const target = request.target;
  let participant = timed('normaliseMs', () =>
    target.kind === 'peer'
      ? normalizeParticipant('peer', main.data, { peerId: target.peerId })
      : normalizeParticipant('sessionParticipant', main.data, { sessionId: target.sessionId }),
  );
  const peerProblems: PeerProblem[] = [];
  const peerIds = target.kind === 'sessionParticipant' ? peersToRead(participant) : [];
  if (peerIds.length > 0) {
    if (!request.peers) return { kind: 'needPeers', peerIds, times };
    const reports: InspectedParticipant[] = [];
    for (const { peerId, text } of request.peers) {
      const read = parse(text);
      if ('problem' in read) peerProblems.push({ peerId, problem: read.problem });
      else reports.push(timed('normaliseMs', () => normalizeParticipant('peer', read.data, { peerId })));
    }
    if (reports.length === 0) return { kind: 'unreadPeers', peerProblems, times };
    participant = timed('normaliseMs', () => mergePeerReports(participant, reports));
  }
  const analysed = participant;
  const listEntry = request.listEntry;
  const findings = listEntry
    ? timed('analyseMs', () => participantFindings(listEntry, analysed))
    : timed('analyseMs', () => {
        const issues = detectIssues(analysed);
        return { issues, verdict: verdictOf(issues, analysed), row: undefined };
      });
  const digest = listEntry || request.digest ? timed('analyseMs', () => digestPeers(analysed.peerStats)) : undefined;
  const wire = timed('wireMs', () => packParticipant(toWireParticipant(analysed)));
  return { kind: 'analysed', participant: wire, ...findings, digest, peerProblems, times };
}

/** The columns' buffers, to transfer rather than copy. */
export function transferablesOf(result: AnswersResult): ArrayBuffer[] {
  if (result.kind !== 'analysed') return [];
  const columns = result.participant.peerStats.flatMap((peer) =>
    peer.tracks.flatMap((track) => Object.values(track.columns).map((column) => column.buffer as ArrayBuffer)),
  );
  const measured = (result.digest ?? []).flatMap((peer) =>
    peer.tracks.flatMap((track) =>
      track.measured ? [track.measured.t.buffer as ArrayBuffer, track.measured.rules.buffer as ArrayBuffer] : [],
    ),
  );
  // Every column is a view into one buffer (packParticipant), listed once.
  return [...new Set([...columns, ...measured])];
}

/**
 * One session overview at work: the session and its participant list, each participant's statistics
 * fetched through the one request scheduler and analysed as it arrives, who affected whom once a batch
 * is in, Stop, Retry, Analyse all, and re-reading a LIVE session's list. It keeps the state; the panel
 * host asks for it when told something changed. No vscode here: unit tests drive it in plain Node.
 */
import type { RealtimeKitClient, Scope } from '../api/client';
import { text } from '../api/coerce';
import { isCancellation, RealtimeKitApiError } from '../api/errors';
import { estimateRequests, fanOutController, type RequestScheduler } from '../api/scheduler';
import type { RawSession, RawSessionParticipant } from '../api/types';
import { sessionParticipantStatistics, type SessionParticipantStatistics } from '../inspection/peerReports';
import { errorMessage } from '../shared/errorMessage';
import type { ParticipantRow, SessionHeader, SessionProgress, SessionResource, SessionOverviewResult } from '../shared/session';
import { attributeSession, withAttribution } from './attribution';
import { overviewResult } from './overviewResult';
import { failedRow, pendingRow } from './participantAnalysis';
import { peerOwners } from './peerSpans';
import { rankRows } from './ranking';
import { analysisRequestCount } from './requestCount';
import { sessionHeader } from './sessionHeader';
import { sessionMarkdownReport } from './sessionReport';
import { sessionVerdictLine } from './verdictLine';

export const LIVE_POLL_SECONDS = 15;

export interface OverviewRunOptions {
  client: RealtimeKitClient;
  scheduler: RequestScheduler;
  scope: Scope;
  sessionId: string;
  /** Sessions with more participants open without analysing them (realtimekit.overview.autoAnalyseLimit). */
  autoAnalyseLimit: number;
  /** Told which rows changed (none for header or progress changes); the host batches its updates. */
  onChange: (participantIds: readonly string[]) => void;
  now?: () => number;
}

export class SessionOverviewRun {
  private session: RawSession | undefined;
  private participants: RawSessionParticipant[] = [];
  private rawById = new Map<string, RawSessionParticipant>();
  private readonly rows = new Map<string, ParticipantRow>();
  /** Each analysed participant's statistics, its attribution digest among them. */
  private readonly statistics = new Map<string, SessionParticipantStatistics>();
  private batch = fanOutController();
  private running = 0;
  private listNote: string | undefined;
  private lastReadAt: string | undefined;
  private readonly now: () => number;

  constructor(private readonly options: OverviewRunOptions) {
    this.now = options.now ?? Date.now;
  }

  get sessionId(): string {
    return this.options.sessionId;
  }

  get isLive(): boolean {
    return text(this.session?.status) === 'LIVE';
  }

  get autoAnalyses(): boolean {
    return this.participants.length <= this.options.autoAnalyseLimit;
  }

  /** Reads the session and every page of its participants; rows start as waiting (or skipped above the limit). */
  async open(signal: AbortSignal): Promise<void> {
    const { client, scope, sessionId } = this.options;
    const session = client.getSession(scope, sessionId, { signal }).catch((error: unknown) => {
      if (isCancellation(error)) throw error;
      return undefined;
    });
    this.setParticipants(await this.readList(signal, false));
    this.session = await session;
    const state = this.autoAnalyses ? 'waiting' : 'skipped';
    for (const raw of this.participants) this.rows.set(text(raw.id) ?? '', pendingRow(raw, state));
    this.options.onChange([...this.rows.keys()]);
  }

  /** Analyses the participants given (all not yet analysed by default); resolves when each is analysed, failed or stopped. */
  async analyse(participantIds?: readonly string[], refresh = false): Promise<void> {
    // An ID no row has (a stale webview's Retry) is left out: counted as running, it never ended.
    const wanted = (
      participantIds ?? [...this.rows.values()].filter((row) => !row.analysed || row.state === 'skipped').map((row) => row.participantId)
    ).filter((id) => this.rows.has(id));
    const signal = this.batch.signal;
    this.running += wanted.length;
    for (const id of wanted) this.setRow({ ...this.rowOf(id), state: 'waiting' });
    this.options.onChange(wanted);
    try {
      await Promise.all(wanted.map((id) => this.analyseOne(id, signal, refresh).finally(() => (this.running -= 1))));
    } finally {
      this.attribute();
    }
  }

  /** Stop: no request starts after it; rows not analysed yet say so. */
  stop(): void {
    this.batch.abort();
    this.batch = fanOutController();
  }

  /** A LIVE session's list read again: newcomers get rows (and are analysed when the session is analysed automatically). */
  async poll(signal: AbortSignal): Promise<void> {
    const participants = await this.readList(signal, true);
    const added: string[] = [];
    for (const raw of participants) {
      const id = text(raw.id) ?? '';
      const row = this.rows.get(id);
      if (!row) {
        this.rows.set(id, pendingRow(raw, this.autoAnalyses ? 'waiting' : 'skipped'));
        added.push(id);
      } else if (!row.analysed) {
        this.rows.set(id, { ...pendingRow(raw, row.state === 'skipped' ? 'skipped' : 'waiting'), state: row.state });
      } else {
        // Joined and left times change while a call is live; the analysis stays.
        const fresh = pendingRow(raw);
        this.rows.set(id, {
          ...row,
          leftAt: fresh.leftAt,
          durationMinutes: fresh.durationMinutes,
          peers: fresh.peers.length >= row.peers.length ? fresh.peers : row.peers,
        });
      }
    }
    this.setParticipants(participants);
    this.session =
      (await this.options.client
        .getSession(this.options.scope, this.options.sessionId, { signal, refresh: true })
        .catch(() => undefined)) ?? this.session;
    this.options.onChange([...this.rows.keys()]);
    if (added.length > 0 && this.autoAnalyses) await this.analyse(added);
  }

  header(): SessionHeader {
    const header = sessionHeader(this.options.sessionId, this.session, this.now());
    return this.listNote ? { ...header, notices: [...header.notices, this.listNote] } : header;
  }

  verdictLine(): string {
    return sessionVerdictLine([...this.rows.values()]);
  }

  rowsOf(participantIds: readonly string[]): ParticipantRow[] {
    return participantIds.flatMap((id) => {
      const row = this.rows.get(id);
      return row ? [row] : [];
    });
  }

  allRows(): ParticipantRow[] {
    return rankRows([...this.rows.values()]);
  }

  /** Every row as it is kept, unranked: for what does not depend on their order (whose peer is whose). */
  unrankedRows(): Iterable<ParticipantRow> {
    return this.rows.values();
  }

  /** A participant's merged statistics, once analysed (compare reuses them). */
  statisticsOf(participantId: string): SessionParticipantStatistics | undefined {
    return this.statistics.get(participantId);
  }

  progress(live?: SessionProgress['live']): SessionProgress {
    const rows = [...this.rows.values()];
    const analysed = rows.filter((row) => row.analysed).length;
    const notAnalysed = this.participants.filter((raw) => !this.rows.get(text(raw.id) ?? '')?.analysed);
    // Offered whenever some are left and nothing runs: above the automatic limit, and after a Stop.
    const pendingAnalyseAll = notAnalysed.length > 0 && this.running === 0 ? this.analyseAllEstimate(notAnalysed) : undefined;
    return { analysed, total: rows.length, running: this.running > 0, pendingAnalyseAll, live };
  }

  result(): SessionOverviewResult {
    return overviewResult(this.options.sessionId, this.session, [...this.rows.values()]);
  }

  markdownReport(resources: readonly SessionResource[]): string {
    return sessionMarkdownReport(this.header(), [...this.rows.values()], this.verdictLine(), {
      resources,
      generatedAt: new Date(this.now()).toISOString(),
    });
  }

  /** Transcript, summary and chat: their links and expiry, or why there are none. */
  async resources(signal: AbortSignal): Promise<SessionResource[]> {
    const kinds = ['transcript', 'summary', 'chat'] as const;
    return Promise.all(
      kinds.map(async (kind): Promise<SessionResource> => {
        try {
          const data = await this.options.client.getSessionResource(this.options.scope, this.options.sessionId, kind, { signal });
          const url = text(data.transcript_download_url) ?? text(data.summaryDownloadUrl) ?? text(data.chat_download_url);
          const expiresAt =
            text(data.transcript_download_url_expiry) ?? text(data.summaryDownloadUrlExpiry) ?? text(data.chat_download_url_expiry);
          return url ? { kind, state: 'available', url, expiresAt } : { kind, state: 'not-available', detail: 'the answer held no link' };
        } catch (error) {
          if (error instanceof RealtimeKitApiError && error.kind === 'notFound') return { kind, state: 'not-available' };
          return { kind, state: 'error', detail: errorMessage(error) };
        }
      }),
    );
  }

  dispose(): void {
    this.batch.abort();
  }

  private analyseAllEstimate(notAnalysed: readonly RawSessionParticipant[]): SessionProgress['pendingAnalyseAll'] {
    const estimate = estimateRequests(analysisRequestCount(notAnalysed));
    return { participants: notAnalysed.length, requests: estimate.requests, estimatedSeconds: estimate.seconds };
  }

  private async readList(signal: AbortSignal, refresh: boolean): Promise<RawSessionParticipant[]> {
    const all: RawSessionParticipant[] = [];
    this.listNote = undefined;
    for await (const page of this.options.client.allSessionParticipants(
      this.options.scope,
      this.options.sessionId,
      { includePeerEvents: true },
      { signal, refresh },
    )) {
      all.push(...page);
      if (page.truncated) this.listNote = `The participant list stopped early: ${page.truncated.reason}`;
    }
    this.lastReadAt = new Date(this.now()).toISOString();
    return all;
  }

  get listReadAt(): string | undefined {
    return this.lastReadAt;
  }

  private async analyseOne(participantId: string, signal: AbortSignal, refresh: boolean, retried = false): Promise<void> {
    const raw = this.rawById.get(participantId);
    if (!raw) return;
    const { client, scheduler, scope, sessionId } = this.options;
    try {
      const statistics = await sessionParticipantStatistics(
        client,
        scheduler,
        scope,
        { sessionId, participantId },
        {
          signal,
          refresh,
          listEntry: raw,
          // Fetched again: answers the same as those analysed are not read again.
          previous: refresh ? this.statistics.get(participantId) : undefined,
          onStart: () => {
            this.setRow({ ...this.rowOf(participantId), state: 'analysing' });
            this.options.onChange([participantId]);
          },
        },
      );
      // Some of its peer reports were cancelled from outside, the others read: asked for whole once more,
      // or its verdict would stand on part of its call.
      if (!retried && !signal.aborted && statistics.failures.some((failure) => isCancellation(failure.error)))
        return this.analyseOne(participantId, signal, refresh, true);
      const row = statistics.row;
      if (!row) throw new Error('The statistics worker sent no table row.');
      this.statistics.set(participantId, statistics);
      const unread = statistics.failures.map((failure) => `peer ${failure.peerId.slice(0, 8)}: ${errorMessage(failure.error)}`);
      this.setRow(unread.length ? { ...row, error: `Some peer reports could not be read (${unread.join('; ')})` } : row);
    } catch (error) {
      // Cancelled from outside (not by Stop or the panel closing, which abort `signal`): this overview
      // still wants it, so it is asked for once more.
      if (!retried && !signal.aborted && isCancellation(error)) return this.analyseOne(participantId, signal, refresh, true);
      this.setRow(failedRow(raw, error));
    }
    this.options.onChange([participantId]);
  }

  /** Who affected whom, over every participant analysed so far. */
  private attribute(): void {
    const inputs = [...this.statistics.entries()].map(([participantId, statistics]) => ({
      participantId,
      displayName: statistics.participant.displayName,
      peerIds: this.rows.get(participantId)?.peerIds ?? [],
      peers: statistics.digest,
    }));
    if (inputs.length === 0) return;
    const attribution = attributeSession(inputs, peerOwners(this.participants));
    const changed: string[] = [];
    for (const row of withAttribution([...this.rows.values()], attribution)) {
      const before = this.rows.get(row.participantId);
      if (before && (before.verdict !== row.verdict || !sameLinks(before, row))) changed.push(row.participantId);
      this.rows.set(row.participantId, row);
    }
    if (changed.length) this.options.onChange(changed);
  }

  private setParticipants(participants: RawSessionParticipant[]): void {
    this.participants = participants;
    this.rawById = new Map(participants.map((raw) => [text(raw.id) ?? '', raw]));
  }

  private rowOf(participantId: string): ParticipantRow {
    const row = this.rows.get(participantId);
    if (!row) throw new Error(`No participant ${participantId} in this session`);
    return row;
  }

  private setRow(row: ParticipantRow): void {
    this.rows.set(row.participantId, row);
  }
}

/** The same causes and effects: compared whole only when there are some (most rows have none). */
function sameLinks(a: ParticipantRow, b: ParticipantRow): boolean {
  if (a.causedBy.length !== b.causedBy.length || a.affected.length !== b.affected.length) return false;
  return (
    (a.causedBy.length === 0 && a.affected.length === 0) ||
    JSON.stringify([a.causedBy, a.affected]) === JSON.stringify([b.causedBy, b.affected])
  );
}

/**
 * The explorer's data: the inspected targets (persisted through InspectionHistory), what was fetched
 * for them, the participants of sessions, the meetings' participants and the browse lists. It fetches
 * on demand and says what changed through onDidChange; turning that into tree nodes is the provider's
 * job. Every load shares one AbortSignal, so a Refresh cancels whatever is still loading.
 */
import * as vscode from 'vscode';
import type { RealtimeKitClient, Scope } from '../api/client';
import { text } from '../api/coerce';
import { fanOutController } from '../api/scheduler';
import { RealtimeKitApiError } from '../api/errors';
import type { RawMeeting, RawMeetingParticipant, RawSession, RawSessionParticipant } from '../api/types';
import type { Logger } from '../common/logger';
import type { ParticipantRow, VerdictLevel } from '../shared/session';
import type { Inspection } from '../inspection/inspection';
import { scopeOf, sessionKey, targetKey, type InspectionTarget, type ParticipantTarget } from '../inspection/inspectionTarget';
import type { Inspect } from '../inspection/sharedInspections';
import { PagedList } from './pagedList';
import { InspectionHistory, treeSummaryOf, type TreeSummary } from './inspectionHistory';

const BROWSE_PAGE = 25;
const VERDICT_REFRESH_MS = 1_000;

export type BrowseListName = 'sessions' | 'meetings';

/** What changed, so the tree refreshes only that. */
export type StoreChange =
  { type: 'root' } | { type: 'target'; key: string } | { type: 'session'; key: string } | { type: 'browse'; list: BrowseListName };

/** What the tree shows of a participant's analysis in the session overview. */
export interface ParticipantVerdict {
  verdict: VerdictLevel;
  topIssue?: string;
  error?: string;
}

/**
 * Refresh's fetch of a target an open stats panel shows (the panel's own, shared; it resolves once the
 * panel painted it), or undefined when no panel shows it and the store fetches the target itself.
 */
export type PanelInspection = (target: ParticipantTarget) => ((signal: AbortSignal) => Promise<Inspection>) | undefined;

export interface LoadedTarget {
  summary: TreeSummary;
  /** The full answer; absent when only the stored summary is known. */
  inspection?: Inspection;
  stale?: boolean;
}

interface BrowseLists {
  scope: Scope;
  sessions: PagedList<RawSession>;
  meetings: PagedList<RawMeeting>;
}

export class ExplorerStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<StoreChange>();
  readonly onDidChange = this.changed.event;
  private targetList: InspectionTarget[];
  private signedIn = false;
  private readonly loaded = new Map<string, LoadedTarget>();
  /** Targets being fetched, so the tree and a Refresh job asking at once share one fetch. */
  private readonly loading = new Map<string, Promise<LoadedTarget>>();
  /** The last Refresh's fetches of the targets open panels show, which the tree takes rather than fetching again. */
  private fromPanel: PanelInspection = () => undefined;
  private readonly sessionParticipants = new Map<string, RawSessionParticipant[]>();
  private readonly sessions = new Map<string, RawSession>();
  private readonly meetingParticipants = new Map<string, RawMeetingParticipant[]>();
  /** Verdicts of session participants from the session overview, by session key then participant ID. */
  private readonly verdicts = new Map<string, Map<string, ParticipantVerdict>>();
  private readonly verdictTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** What each loaded list was loaded from, so Refresh can load it again. */
  /** Why a session's list stopped early, when it did (a server that never ends its list). */
  private readonly truncations = new Map<string, string>();
  private readonly sessionRequests = new Map<string, { scope: Scope; sessionId: string }>();
  private readonly meetingRequests = new Map<string, { scope: Scope; meetingId: string }>();
  private browse: BrowseLists | undefined;
  private loads = fanOutController();

  constructor(
    private readonly history: InspectionHistory,
    private readonly client: () => RealtimeKitClient,
    private readonly configuredScope: () => Scope | undefined,
    private readonly log: Logger,
    /** Fetches a target no panel is fetching (its own answer, read off the host's thread when large). */
    private readonly inspect: Inspect,
  ) {
    this.targetList = history.targets();
  }

  get isSignedIn(): boolean {
    return this.signedIn;
  }

  targets(): readonly InspectionTarget[] {
    return this.targetList;
  }

  setSignedIn(signedIn: boolean): void {
    if (this.signedIn === signedIn) return;
    this.signedIn = signedIn;
    this.changed.fire({ type: 'root' });
  }

  /** Records a participant, peer or meeting participant the user inspected through a command. */
  async addInspection(target: ParticipantTarget, inspection: Inspection): Promise<void> {
    const key = targetKey(target);
    const summary = treeSummaryOf(inspection.participant);
    this.loaded.set(key, { summary, inspection });
    await this.remember(target);
    await this.history.saveSummary(key, summary);
    this.changed.fire({ type: 'target', key });
  }

  /** Records a session opened through a command, with every participant already fetched. */
  async addSession(
    target: InspectionTarget & { kind: 'session' },
    participants: RawSessionParticipant[],
    session?: RawSession,
    truncated?: string,
  ): Promise<void> {
    const key = targetKey(target);
    this.sessionParticipants.set(key, sortByJoinTime(participants));
    this.sessionRequests.set(key, { scope: scopeOf(target), sessionId: target.sessionId });
    if (truncated) this.truncations.set(key, truncated);
    if (session) this.sessions.set(key, session);
    await this.remember(session ? { ...target, label: sessionLabel(session) } : target);
    this.changed.fire({ type: 'target', key });
  }

  async remove(key: string): Promise<void> {
    this.targetList = this.targetList.filter((target) => targetKey(target) !== key);
    this.loaded.delete(key);
    this.loading.delete(key);
    this.sessionParticipants.delete(key);
    await this.history.saveTargets(this.targetList);
    this.changed.fire({ type: 'root' });
  }

  /** Drops what was fetched and cancels what is loading; what is on screen is fetched again. */
  clear(): void {
    this.loads.abort();
    this.loads = fanOutController();
    this.loaded.clear();
    this.loading.clear();
    this.fromPanel = () => undefined;
    this.sessionParticipants.clear();
    this.truncations.clear();
    this.meetingParticipants.clear();
    this.browse = undefined;
    this.changed.fire({ type: 'root' });
  }

  /**
   * Refresh: cancels what is loading, then fetches again every target, every list that was expanded
   * and the browse lists, each as one job for the caller to run (in parallel, under its progress).
   * The tree then shows the new data; a target that fails keeps its last data, marked stale. A target
   * an open stats panel shows is not fetched twice: `fromPanel` gives the panel's fetch, and the tree
   * takes its analysed inspection.
   */
  refreshJobs(fromPanel: PanelInspection = () => undefined): Array<{ key: string; run: (signal: AbortSignal) => Promise<unknown> }> {
    this.loads.abort();
    this.loads = fanOutController();
    const sessions = [...this.sessionRequests.values()];
    const meetings = [...this.meetingRequests.values()];
    const browsed = this.browse && { sessions: this.browse.sessions.started, meetings: this.browse.meetings.started };
    this.loaded.clear();
    this.loading.clear();
    // The tree may ask for a target before its job starts (it refreshes at once): it gets the panel's fetch too.
    this.fromPanel = fromPanel;
    this.sessionParticipants.clear();
    this.truncations.clear();
    this.meetingParticipants.clear();
    this.browse = undefined;
    const loads = this.loads;
    const withSignal = (signal: AbortSignal, load: () => Promise<unknown>) => {
      // Cancelling the refresh cancels the loads it started, and nothing else: the tree's later loads
      // get a signal of their own, or every one would fail at once until the next Refresh.
      const forward = () => {
        loads.abort();
        if (this.loads === loads) this.loads = fanOutController();
      };
      signal.addEventListener('abort', forward, { once: true });
      return load().finally(() => signal.removeEventListener('abort', forward));
    };
    const jobs: Array<{ key: string; run: (signal: AbortSignal) => Promise<unknown> }> = [];
    for (const target of this.targetList) {
      const key = targetKey(target);
      if (target.kind === 'session') sessions.push({ scope: scopeOf(target), sessionId: target.sessionId });
      else jobs.push({ key, run: (signal) => withSignal(signal, () => this.loadTarget(target)) });
    }
    const sessionKeys = new Set<string>();
    for (const { scope, sessionId } of sessions) {
      const key = sessionKey(scope, sessionId);
      if (sessionKeys.has(key)) continue;
      sessionKeys.add(key);
      jobs.push({ key, run: (signal) => withSignal(signal, () => this.loadSessionParticipants(scope, sessionId)) });
    }
    for (const { scope, meetingId } of meetings) {
      jobs.push({ key: `meeting:${meetingId}`, run: (signal) => withSignal(signal, () => this.loadMeetingParticipants(scope, meetingId)) });
    }
    for (const list of ['sessions', 'meetings'] as const) {
      if (!browsed?.[list]) continue;
      jobs.push({ key: `browse:${list}`, run: (signal) => withSignal(signal, async () => this.browseLists()?.[list].loadMore()) });
    }
    this.changed.fire({ type: 'root' });
    return jobs;
  }

  /** Participants analysed in a session overview: their session's node shows their verdicts. */
  setVerdicts(scope: Scope, sessionId: string, rows: readonly ParticipantRow[]): void {
    const key = sessionKey(scope, sessionId);
    const verdicts = this.verdicts.get(key) ?? new Map<string, ParticipantVerdict>();
    for (const row of rows) verdicts.set(row.participantId, { verdict: row.verdict, topIssue: row.topIssue, error: row.error });
    this.verdicts.set(key, verdicts);
    // A session of thousands is re-listed on each refresh: at most once a second while rows stream in.
    if (this.verdictTimers.has(key)) return;
    this.verdictTimers.set(
      key,
      setTimeout(() => {
        this.verdictTimers.delete(key);
        this.changed.fire({ type: 'session', key });
      }, VERDICT_REFRESH_MS),
    );
  }

  verdictOf(scope: Scope, sessionId: string, participantId: string): ParticipantVerdict | undefined {
    return this.verdicts.get(sessionKey(scope, sessionId))?.get(participantId);
  }

  loadedTarget(key: string): LoadedTarget | undefined {
    const loaded = this.loaded.get(key);
    if (loaded) return loaded;
    const summary = this.history.summary(key);
    return summary && { summary };
  }

  session(key: string): RawSession | undefined {
    return this.sessions.get(key);
  }

  /** Why the session's participant list stopped before its end, if it did. */
  truncationOf(key: string): string | undefined {
    return this.truncations.get(key);
  }

  loadedSessionParticipants(key: string): readonly RawSessionParticipant[] | undefined {
    return this.sessionParticipants.get(key);
  }

  /**
   * Fetches a target again (once, however many ask while it loads); when the network fails, the last
   * data is kept, marked stale.
   */
  loadTarget(target: ParticipantTarget): Promise<LoadedTarget> {
    const key = targetKey(target);
    const cached = this.loaded.get(key);
    if (cached) return Promise.resolve(cached);
    const pending = this.loading.get(key);
    if (pending) return pending;
    const load = this.fetchTarget(key, target).finally(() => {
      if (this.loading.get(key) === load) this.loading.delete(key);
    });
    this.loading.set(key, load);
    return load;
  }

  private async fetchTarget(key: string, target: ParticipantTarget): Promise<LoadedTarget> {
    const loads = this.loads;
    const fromPanel = this.fromPanel;
    try {
      // The tree lists peer events, so it asks for them whatever the target was opened with.
      const request = target.kind === 'sessionParticipant' ? { ...target, includePeerEvents: true } : target;
      const panel = fromPanel(request);
      const inspection = await untilAborted(panel ? panel(loads.signal) : this.inspect(request, loads.signal), loads.signal);
      if (loads !== this.loads) throw cancelled();
      // Column-backed when it comes from the stats worker: the summary reads no sample.
      const loaded = { summary: treeSummaryOf(inspection.participant), inspection };
      this.loaded.set(key, loaded);
      await this.history.saveSummary(key, loaded.summary);
      this.changed.fire({ type: 'target', key });
      return loaded;
    } catch (error) {
      const summary = this.history.summary(key);
      const offline = error instanceof RealtimeKitApiError && error.retryable;
      if (!summary || !offline || loads.signal.aborted) throw error;
      this.log.warn(`Showing the last data of ${key}: ${error.message}`);
      const loaded = { summary, stale: true };
      this.loaded.set(key, loaded);
      this.changed.fire({ type: 'target', key });
      return loaded;
    }
  }

  async loadSessionParticipants(scope: Scope, sessionId: string): Promise<readonly RawSessionParticipant[]> {
    const key = sessionKey(scope, sessionId);
    const cached = this.sessionParticipants.get(key);
    if (cached) return cached;
    const all: RawSessionParticipant[] = [];
    const signal = this.loads.signal;
    await vscode.window.withProgress({ location: { viewId: 'realtimekit.explorer' }, title: 'Loading participants' }, async () => {
      for await (const page of this.client().allSessionParticipants(scope, sessionId, { includePeerEvents: true }, { signal })) {
        all.push(...page);
        if (page.truncated) this.truncations.set(key, page.truncated.reason);
      }
    });
    const sorted = sortByJoinTime(all);
    this.sessionParticipants.set(key, sorted);
    this.sessionRequests.set(key, { scope, sessionId });
    return sorted;
  }

  async loadMeetingParticipants(scope: Scope, meetingId: string): Promise<readonly RawMeetingParticipant[]> {
    const key = `${scope.accountId}/${scope.appId}/${meetingId}`;
    const cached = this.meetingParticipants.get(key);
    if (cached) return cached;
    const people: RawMeetingParticipant[] = [];
    for await (const page of this.client().allMeetingParticipants(scope, meetingId, { signal: this.loads.signal })) people.push(...page);
    this.meetingParticipants.set(key, people);
    this.meetingRequests.set(key, { scope, meetingId });
    return people;
  }

  /** The configured app's sessions and meetings, or undefined when no account and app are set. */
  browseLists(): BrowseLists | undefined {
    const scope = this.configuredScope();
    if (!scope) return undefined;
    if (!this.browse || this.browse.scope.accountId !== scope.accountId || this.browse.scope.appId !== scope.appId) {
      const signal = () => ({ signal: this.loads.signal });
      this.browse = {
        scope,
        sessions: new PagedList(
          (pageNo, perPage) => this.client().listSessions(scope, { pageNo, perPage, sortOrder: 'DESC' }, signal()),
          BROWSE_PAGE,
          (session) => text(session.id),
        ),
        meetings: new PagedList(
          (pageNo, perPage) => this.client().listMeetings(scope, { pageNo, perPage }, signal()),
          BROWSE_PAGE,
          (meeting) => text(meeting.id),
        ),
      };
    }
    return this.browse;
  }

  async loadMore(list: BrowseListName): Promise<void> {
    const browse = this.browseLists();
    if (!browse) return;
    await browse[list].loadMore();
    this.changed.fire({ type: 'browse', list });
  }

  dispose(): void {
    for (const timer of this.verdictTimers.values()) clearTimeout(timer);
    this.loads.abort();
    this.changed.dispose();
  }

  private async remember(target: InspectionTarget): Promise<void> {
    const key = targetKey(target);
    const wasFirst = this.targetList.length > 0 && targetKey(this.targetList[0]) === key;
    this.targetList = [target, ...this.targetList.filter((existing) => targetKey(existing) !== key)];
    await this.history.saveTargets(this.targetList);
    this.targetList = this.history.targets();
    // The newest target is listed first: the root changes unless it already was.
    if (!wasFirst) this.changed.fire({ type: 'root' });
  }
}

export function sessionLabel(session: RawSession): string {
  return text(session.meeting_display_name) ?? text(session.id) ?? 'Session';
}

/** The work's result, or a cancellation as soon as `signal` aborts (a shared fetch may go on for others). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(cancelled());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function cancelled(): RealtimeKitApiError {
  return new RealtimeKitApiError({ kind: 'cancelled', operation: 'Fetching call statistics' });
}

function sortByJoinTime(participants: RawSessionParticipant[]): RawSessionParticipant[] {
  const joined = (participant: RawSessionParticipant) => Date.parse(text(participant.joined_at) ?? '') || Number.MAX_SAFE_INTEGER;
  return [...participants].sort((a, b) => joined(a) - joined(b));
}

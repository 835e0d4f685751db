/** The RealtimeKit read endpoints, one method each, on top of RealtimeKitHttp. */
import type { PhaseSink } from '../common/phaseTimes';
import { ENDPOINTS, filtersParam, type StatsFilter } from './endpoints';
import { RealtimeKitApiError } from './errors';
import { RealtimeKitHttp, isRecord, noDataError, type AnswerText, type Envelope, type HttpOptions, type RequestSpec } from './http';
import { cleanId, validateId, type IdKind } from './ids';
import { paginate, readPaging, type Page, type PageItems, type PaginateOptions } from './paging';
import type {
  RawApp,
  RawMeeting,
  RawMeetingParticipant,
  RawSession,
  RawSessionParticipant,
  SessionListQuery,
  SessionParticipantsQuery,
} from './types';

export interface Scope {
  accountId: string;
  appId: string;
}

export type SessionResourceKind = 'transcript' | 'summary' | 'chat';

export interface CallOptions {
  signal?: AbortSignal;
  refresh?: boolean;
  /** Told each answer's request, transfer and parse times. */
  phases?: PhaseSink;
}

/** For an answer read elsewhere: the fingerprint of the last one read of the same request, if any (RequestSpec). */
export type TextCallOptions = CallOptions & { lastFingerprint?: string };

export const PAGE_SIZE = 100;

export class RealtimeKitClient {
  readonly http: RealtimeKitHttp;

  constructor(options: HttpOptions) {
    this.http = new RealtimeKitHttp(options);
  }

  /** Aborts every request in flight (their callers get a cancellation) and forgets cached answers, so Refresh starts clean. */
  dropInFlight(): void {
    this.http.abortAll();
  }

  /** GET /sessions/{session_id}/participants/{participant_id}: both generations come back as `data`. */
  async getSessionParticipant(
    scope: Scope,
    ids: { sessionId: string; participantId: string },
    params: StatsParams = {},
    options: CallOptions = {},
  ): Promise<Record<string, unknown>> {
    const spec = sessionParticipantSpec(scope, ids, params);
    return dataRecord(await this.http.get({ ...spec, ...options }), spec.operation);
  }

  /** getSessionParticipant's answer unparsed, for parsing off this thread (see answerError for its problems). */
  async getSessionParticipantText(
    scope: Scope,
    ids: { sessionId: string; participantId: string },
    params: StatsParams = {},
    options: TextCallOptions = {},
  ): Promise<AnswerText> {
    return this.http.getText({ ...sessionParticipantSpec(scope, ids, params), ...options });
  }

  async getPeerReport(scope: Scope, peerId: string, params: StatsParams = {}, options: CallOptions = {}): Promise<Record<string, unknown>> {
    const spec = peerReportSpec(scope, peerId, params);
    return dataRecord(await this.http.get({ ...spec, ...options }), spec.operation);
  }

  /** getPeerReport's answer unparsed, for parsing off this thread (see answerError for its problems). */
  async getPeerReportText(scope: Scope, peerId: string, params: StatsParams = {}, options: TextCallOptions = {}): Promise<AnswerText> {
    return this.http.getText({ ...peerReportSpec(scope, peerId, params), ...options });
  }

  async getMeetingParticipant(
    scope: Scope,
    ids: { meetingId: string; participantId: string },
    options: CallOptions = {},
  ): Promise<RawMeetingParticipant> {
    const operation = 'Fetching the meeting participant';
    const checked = checkIds(operation, scope, { meeting: ids.meetingId, meetingParticipant: ids.participantId });
    const envelope = await this.http.get({
      operation,
      endpoint: ENDPOINTS.meetingParticipant,
      pathValues: { ...pathScope(checked), meeting_id: checked.meeting, participant_id: checked.meetingParticipant },
      ids: { meetingId: checked.meeting, participantId: checked.meetingParticipant },
      ...options,
    });
    return dataRecord(envelope, operation) as RawMeetingParticipant;
  }

  async getSession(scope: Scope, sessionId: string, options: CallOptions = {}): Promise<RawSession> {
    const operation = 'Fetching the session';
    const checked = checkIds(operation, scope, { session: sessionId });
    const envelope = await this.http.get({
      operation,
      endpoint: ENDPOINTS.session,
      pathValues: { ...pathScope(checked), session_id: checked.session },
      ids: { sessionId: checked.session },
      ...options,
    });
    return dataRecord(envelope, operation) as RawSession;
  }

  /** GET /sessions/{session_id}/transcript | summary | chat: a download link and its expiry. */
  async getSessionResource(
    scope: Scope,
    sessionId: string,
    kind: SessionResourceKind,
    options: CallOptions = {},
  ): Promise<Record<string, unknown>> {
    const operation = `Fetching the session's ${kind}`;
    const checked = checkIds(operation, scope, { session: sessionId });
    const endpoint =
      kind === 'transcript' ? ENDPOINTS.sessionTranscript : kind === 'summary' ? ENDPOINTS.sessionSummary : ENDPOINTS.sessionChat;
    const envelope = await this.http.get({
      operation,
      endpoint,
      pathValues: { ...pathScope(checked), session_id: checked.session },
      ids: { sessionId: checked.session },
      ...options,
    });
    return dataRecord(envelope, operation);
  }

  async listApps(
    accountId: string,
    query: { pageNo?: number; perPage?: number; search?: string } = {},
    options: CallOptions = {},
  ): Promise<Page<RawApp>> {
    const operation = 'Listing apps';
    const account = checkOne(operation, 'account', accountId);
    const envelope = await this.http.get({
      operation,
      endpoint: ENDPOINTS.apps,
      pathValues: { account_id: account },
      query: { page_no: query.pageNo, per_page: query.perPage, search: query.search },
      ...options,
    });
    return { items: arrayAt(envelope.data) as RawApp[], paging: readPaging(envelope) };
  }

  async listMeetings(
    scope: Scope,
    query: { pageNo?: number; perPage?: number; search?: string; status?: 'ACTIVE' | 'INACTIVE' } = {},
    options: CallOptions = {},
  ): Promise<Page<RawMeeting>> {
    const operation = 'Listing meetings';
    const checked = checkIds(operation, scope, {});
    const envelope = await this.http.get({
      operation,
      endpoint: ENDPOINTS.meetings,
      pathValues: pathScope(checked),
      query: { page_no: query.pageNo, per_page: query.perPage, search: query.search, status: query.status },
      ...options,
    });
    return { items: arrayAt(envelope.data) as RawMeeting[], paging: readPaging(envelope) };
  }

  async listMeetingParticipants(
    scope: Scope,
    meetingId: string,
    query: { pageNo?: number; perPage?: number } = {},
    options: CallOptions = {},
  ): Promise<Page<RawMeetingParticipant>> {
    const operation = 'Listing the meeting participants';
    const checked = checkIds(operation, scope, { meeting: meetingId });
    const envelope = await this.http.get({
      operation,
      endpoint: ENDPOINTS.meetingParticipants,
      pathValues: { ...pathScope(checked), meeting_id: checked.meeting },
      ids: { meetingId: checked.meeting },
      query: { page_no: query.pageNo, per_page: query.perPage },
      ...options,
    });
    return { items: arrayAt(envelope.data) as RawMeetingParticipant[], paging: readPaging(envelope) };
  }

  async listSessions(scope: Scope, query: SessionListQuery = {}, options: CallOptions = {}): Promise<Page<RawSession>> {
    const operation = 'Listing sessions';
    const checked = checkIds(operation, scope, {});
    const meetingId = query.meetingId === undefined ? undefined : checkOne(operation, 'meeting', query.meetingId);
    const envelope = await this.http.get({
      operation,
      endpoint: ENDPOINTS.sessions,
      pathValues: pathScope(checked),
      query: {
        page_no: query.pageNo,
        per_page: query.perPage,
        sort_by: query.sortBy,
        sort_order: query.sortOrder,
        start_time: query.startTime,
        end_time: query.endTime,
        status: query.status,
        search: query.search,
        associated_id: meetingId,
        participants: query.participants,
      },
      ...options,
    });
    const data = envelope.data;
    return { items: arrayAt(isRecord(data) ? data.sessions : data) as RawSession[], paging: readPaging(envelope) };
  }

  async listSessionParticipants(
    scope: Scope,
    sessionId: string,
    query: SessionParticipantsQuery & { pageNo?: number; perPage?: number } = {},
    options: CallOptions = {},
  ): Promise<Page<RawSessionParticipant>> {
    const operation = 'Listing the session participants';
    const checked = checkIds(operation, scope, { session: sessionId });
    const envelope = await this.http.get({
      operation,
      endpoint: ENDPOINTS.sessionParticipants,
      pathValues: { ...pathScope(checked), session_id: checked.session },
      ids: { sessionId: checked.session },
      query: {
        page_no: query.pageNo,
        per_page: query.perPage,
        search: query.search,
        sort_by: query.sortBy,
        sort_order: query.sortOrder,
        include_peer_events: query.includePeerEvents,
        view: query.view,
      },
      ...options,
    });
    const data = envelope.data;
    return { items: arrayAt(isRecord(data) ? data.participants : data) as RawSessionParticipant[], paging: readPaging(envelope) };
  }

  /**
   * Every participant of a session, page by page (bounded concurrency once the total is known). A list
   * cut short (a server repeating pages or counting absurdly many) says why on its last batch.
   */
  async *allSessionParticipants(
    scope: Scope,
    sessionId: string,
    query: SessionParticipantsQuery = {},
    options: ListOptions = {},
  ): AsyncGenerator<PageItems<RawSessionParticipant>> {
    const perPage = options.perPage ?? PAGE_SIZE;
    yield* paginate(
      (pageNo) => this.listSessionParticipants(scope, sessionId, { ...query, pageNo, perPage }, callOptions(options)),
      pagingOf(options, perPage),
    );
  }

  async *allMeetingParticipants(
    scope: Scope,
    meetingId: string,
    options: ListOptions = {},
  ): AsyncGenerator<PageItems<RawMeetingParticipant>> {
    const perPage = options.perPage ?? PAGE_SIZE;
    yield* paginate(
      (pageNo) => this.listMeetingParticipants(scope, meetingId, { pageNo, perPage }, callOptions(options)),
      pagingOf(options, perPage),
    );
  }

  async *allSessions(scope: Scope, query: SessionListQuery = {}, options: ListOptions = {}): AsyncGenerator<PageItems<RawSession>> {
    const perPage = options.perPage ?? PAGE_SIZE;
    yield* paginate((pageNo) => this.listSessions(scope, { ...query, pageNo, perPage }, callOptions(options)), pagingOf(options, perPage));
  }
}

type StatsParams = { filters?: readonly StatsFilter[]; includePeerEvents?: boolean };

function sessionParticipantSpec(scope: Scope, ids: { sessionId: string; participantId: string }, params: StatsParams): RequestSpec {
  const operation = 'Fetching the session participant';
  const checked = checkIds(operation, scope, { session: ids.sessionId, participant: ids.participantId });
  return {
    operation,
    endpoint: ENDPOINTS.sessionParticipant,
    pathValues: { ...pathScope(checked), session_id: checked.session, participant_id: checked.participant },
    ids: { sessionId: checked.session, participantId: checked.participant },
    query: { filters: filtersParam(params.filters), include_peer_events: params.includePeerEvents ?? true },
  };
}

function peerReportSpec(scope: Scope, peerId: string, params: StatsParams): RequestSpec {
  const operation = 'Fetching the peer report';
  const checked = checkIds(operation, scope, { peer: peerId });
  return {
    operation,
    endpoint: ENDPOINTS.peerReport,
    pathValues: { ...pathScope(checked), peer_id: checked.peer },
    ids: { peerId: checked.peer },
    query: { filters: filtersParam(params.filters), include_peer_events: params.includePeerEvents },
  };
}

/** What the all* methods take: the call options every page is fetched with, and how to page. */
export interface ListOptions extends CallOptions {
  concurrency?: number;
  perPage?: number;
  /** Items listed at most (MAX_LIST_ITEMS by default). */
  maxItems?: number;
}

function callOptions({ signal, refresh }: ListOptions): CallOptions {
  return { signal, refresh };
}

function pagingOf(options: ListOptions, perPage: number): PaginateOptions<{ id?: string }> {
  return {
    perPage,
    concurrency: options.concurrency,
    signal: options.signal,
    maxItems: options.maxItems,
    idOf: (item) => (typeof item.id === 'string' ? item.id : undefined),
  };
}

type Checked<K extends IdKind> = Record<K | 'account' | 'app', string>;

/** Trims and validates every ID before any request; a bad one becomes an invalidInput error. */
function checkIds<K extends IdKind = never>(operation: string, scope: Scope, others: Record<K, string>): Checked<K> {
  const checked = { account: checkOne(operation, 'account', scope.accountId), app: checkOne(operation, 'app', scope.appId) } as Checked<K>;
  for (const [kind, value] of Object.entries(others) as [K, string][]) checked[kind] = checkOne(operation, kind, value);
  return checked;
}

function checkOne(operation: string, kind: IdKind, value: unknown): string {
  const text = typeof value === 'string' ? value : '';
  const problem = validateId(kind, text);
  if (problem) throw new RealtimeKitApiError({ kind: 'invalidInput', operation, apiMessage: problem });
  return cleanId(text);
}

function pathScope(checked: Checked<never>): { account_id: string; app_id: string } {
  return { account_id: checked.account, app_id: checked.app };
}

function dataRecord(envelope: Envelope, operation: string): Record<string, unknown> {
  if (!isRecord(envelope.data)) throw noDataError(operation);
  return envelope.data;
}

function arrayAt(value: unknown): unknown[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

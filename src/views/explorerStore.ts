/**
 * The realtimekit.explorer tree: browse the configured app's sessions and meetings, and everything
 * looked up through a command (persisted as IDs, data fetched again after a reload, the last data
 * shown marked stale when that fails). Participants expand to their peer events.
 */
import * as vscode from 'vscode';
import type { RealtimeKitClient } from '../api/client';
import { text } from '../api/coerce';
import { RealtimeKitApiError } from '../api/errors';
import { normalizeParticipant } from '../api/normalize';
import type { RawMeeting, RawMeetingParticipant, RawSession, RawSessionParticipant } from '../api/types';
import type { InspectedParticipant } from '../shared/model';
import { readSettings } from '../settings';
import { fetchInspection, isLookedUp, lookedUpKey, type LookedUp } from './lookedUp';
import { PagedList } from './pagedList';
import {
  browseTreeItem,
  loadMoreTreeItem,
  lookedUpTreeItem,
  meetingParticipantTreeItem,
  meetingTreeItem,
  messageTreeItem,
  peerEventTreeItem,
  sessionLabel,
  sessionParticipantTreeItem,
  sessionTreeItem,
  type ExplorerNode,
  type Scope,
} from './treeNodes';

const ITEMS_KEY = 'realtimekit.lookedUp';
const LAST_DATA_KEY = 'realtimekit.lastData';
const MAX_ITEMS = 100;
const BROWSE_PAGE = 25;

/** What is kept of a participant between reloads: enough for the tree, not the statistics. */
type LastData = Omit<InspectedParticipant, 'peerStats'>;

interface Loaded {
  model: InspectedParticipant;
  raw: unknown;
  stale?: boolean;
}

export class ExplorerTree implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private items: LookedUp[];
  private signedIn = false;
  private readonly loaded = new Map<string, Loaded>();
  private readonly sessionParticipants = new Map<string, RawSessionParticipant[]>();
  private readonly sessionInfo = new Map<string, RawSession>();
  private readonly meetingParticipants = new Map<string, RawMeetingParticipant[]>();
  private readonly failures = new Map<string, string>();
  private browse: { scope: Scope; sessions: PagedList<RawSession>; meetings: PagedList<RawMeeting> } | undefined;

  constructor(
    private readonly state: vscode.Memento,
    private readonly client: () => RealtimeKitClient,
  ) {
    this.items = state.get<unknown[]>(ITEMS_KEY, []).filter(isLookedUp);
  }

  lookedUp(): readonly LookedUp[] {
    return this.items;
  }

  setSignedIn(signedIn: boolean): void {
    if (this.signedIn === signedIn) return;
    this.signedIn = signedIn;
    this.changed.fire(undefined);
  }

  async addLookedUp(item: LookedUp, model: InspectedParticipant, raw: unknown): Promise<void> {
    const key = lookedUpKey(item);
    this.loaded.set(key, { model, raw });
    this.failures.delete(key);
    await this.rememberLastData(key, model);
    await this.remember(item);
  }

  async openSession(item: LookedUp & { kind: 'session' }, participants: RawSessionParticipant[], session?: RawSession): Promise<void> {
    const key = lookedUpKey(item);
    this.sessionParticipants.set(key, sortByJoinTime(participants));
    if (session) this.sessionInfo.set(key, session);
    this.failures.delete(key);
    await this.remember(session ? { ...item, label: sessionLabel(session) } : item);
  }

  /** The raw data behind a node, for "Copy as JSON". */
  rawOf(node: ExplorerNode): unknown {
    switch (node.type) {
      case 'lookedUp':
        return node.item.kind === 'session' ? { session: this.sessionInfo.get(node.key), participants: this.sessionParticipants.get(node.key) } : (this.loaded.get(node.key)?.raw ?? node.item);
      case 'session':
        return node.session;
      case 'meeting':
        return node.meeting;
      case 'meetingParticipant':
      case 'sessionParticipant':
        return node.participant;
      case 'peerEvent':
        return node.event;
      default:
        return undefined;
    }
  }

  async remove(key: string): Promise<void> {
    this.items = this.items.filter((item) => lookedUpKey(item) !== key);
    this.loaded.delete(key);
    this.sessionParticipants.delete(key);
    await this.state.update(ITEMS_KEY, this.items);
    const last = { ...this.state.get<Record<string, LastData>>(LAST_DATA_KEY, {}) };
    delete last[key];
    await this.state.update(LAST_DATA_KEY, last);
    this.changed.fire(undefined);
  }

  /** Drops fetched data; what is expanded is fetched again. */
  refreshAll(): void {
    this.loaded.clear();
    this.sessionParticipants.clear();
    this.meetingParticipants.clear();
    this.failures.clear();
    this.browse = undefined;
    this.changed.fire(undefined);
  }

  async loadMore(list: 'sessions' | 'meetings'): Promise<void> {
    const browse = this.browseLists();
    if (!browse) return;
    await (list === 'sessions' ? browse.sessions : browse.meetings).loadMore();
    this.changed.fire(undefined);
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    switch (node.type) {
      case 'browseSessions':
        return browseTreeItem('sessions');
      case 'browseMeetings':
        return browseTreeItem('meetings');
      case 'loadMore':
        return loadMoreTreeItem(node);
      case 'lookedUp': {
        const loaded = this.loaded.get(node.key);
        const model = loaded?.model ?? (this.state.get<Record<string, LastData>>(LAST_DATA_KEY, {})[node.key] as InspectedParticipant | undefined);
        const info = this.sessionInfo.get(node.key);
        return lookedUpTreeItem(node.item, model, { participantCount: this.sessionParticipants.get(node.key)?.length, stale: loaded?.stale, sessionLabel: info ? sessionLabel(info) : undefined });
      }
      case 'session':
        return sessionTreeItem(node.session, this.sessionParticipants.get(node.key)?.length);
      case 'meeting':
        return meetingTreeItem(node.meeting);
      case 'meetingParticipant':
        return meetingParticipantTreeItem(node.scope, node.meetingId, node.participant);
      case 'sessionParticipant':
        return sessionParticipantTreeItem(node.scope, node.sessionId, node.participant);
      case 'peerEvent':
        return peerEventTreeItem(node.scope, node.event);
      case 'message':
        return messageTreeItem(node.text, node.icon, node.tooltip);
    }
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    if (!node) return this.rootChildren();
    try {
      switch (node.type) {
        case 'browseSessions':
          return await this.browseChildren('sessions');
        case 'browseMeetings':
          return await this.browseChildren('meetings');
        case 'session':
          return this.participantNodes(node.scope, text(node.session.id) ?? '', await this.participantsOf(node.key, node.scope, text(node.session.id) ?? ''));
        case 'meeting':
          return await this.meetingChildren(node.scope, text(node.meeting.id) ?? '');
        case 'sessionParticipant':
          return normalizeParticipant('sessionParticipant', node.participant).peerEvents.map((event) => ({ type: 'peerEvent', scope: node.scope, event }));
        case 'lookedUp':
          return await this.lookedUpChildren(node);
        default:
          return [];
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return [{ type: 'message', text: 'Could not load: use Refresh to retry', tooltip: message, icon: 'warning' }];
    }
  }

  dispose(): void {
    this.changed.dispose();
  }

  private rootChildren(): ExplorerNode[] {
    if (!this.signedIn) return [];
    const lookedUp: ExplorerNode[] = this.items.map((item) => ({ type: 'lookedUp', item, key: lookedUpKey(item) }));
    return this.browseLists() ? [{ type: 'browseSessions' }, { type: 'browseMeetings' }, ...lookedUp] : lookedUp;
  }

  private browseLists() {
    const { accountId, appId } = readSettings();
    if (!accountId || !appId) return undefined;
    if (!this.browse || this.browse.scope.accountId !== accountId || this.browse.scope.appId !== appId) {
      const scope = { accountId, appId };
      this.browse = {
        scope,
        sessions: new PagedList((pageNo, perPage) => this.client().listSessions(scope, { pageNo, perPage, sortOrder: 'DESC' }), BROWSE_PAGE),
        meetings: new PagedList((pageNo, perPage) => this.client().listMeetings(scope, { pageNo, perPage }), BROWSE_PAGE),
      };
    }
    return this.browse;
  }

  private async browseChildren(list: 'sessions' | 'meetings'): Promise<ExplorerNode[]> {
    const browse = this.browseLists();
    if (!browse) return [];
    const paged = list === 'sessions' ? browse.sessions : browse.meetings;
    if (!paged.started) await paged.loadMore();
    const scope = browse.scope;
    const nodes: ExplorerNode[] =
      list === 'sessions'
        ? browse.sessions.items.map((session) => ({ type: 'session', scope, session, key: lookedUpKey({ kind: 'session', ...scope, sessionId: text(session.id) ?? '' }) }))
        : browse.meetings.items.map((meeting) => ({ type: 'meeting', scope, meeting }));
    if (nodes.length === 0) return [{ type: 'message', text: list === 'sessions' ? 'No sessions' : 'No meetings', icon: 'info' }];
    if (paged.hasMore) nodes.push({ type: 'loadMore', list, loaded: paged.items.length, total: paged.totalCount });
    return nodes;
  }

  private async meetingChildren(scope: Scope, meetingId: string): Promise<ExplorerNode[]> {
    let people = this.meetingParticipants.get(meetingId);
    if (!people) {
      people = [];
      for await (const page of this.client().allMeetingParticipants(scope, meetingId)) people.push(...page);
      this.meetingParticipants.set(meetingId, people);
    }
    if (people.length === 0) return [{ type: 'message', text: 'No participants', icon: 'info' }];
    return people.map((participant) => ({ type: 'meetingParticipant', scope, meetingId, participant }));
  }

  private async participantsOf(key: string, scope: Scope, sessionId: string): Promise<RawSessionParticipant[]> {
    const cached = this.sessionParticipants.get(key);
    if (cached) return cached;
    const all: RawSessionParticipant[] = [];
    await vscode.window.withProgress({ location: { viewId: 'realtimekit.explorer' }, title: 'Loading participants' }, async () => {
      for await (const page of this.client().allSessionParticipants(scope, sessionId, { includePeerEvents: true })) all.push(...page);
    });
    const sorted = sortByJoinTime(all);
    this.sessionParticipants.set(key, sorted);
    return sorted;
  }

  private participantNodes(scope: Scope, sessionId: string, participants: RawSessionParticipant[]): ExplorerNode[] {
    if (participants.length === 0) return [{ type: 'message', text: 'No participants', icon: 'info' }];
    return participants.map((participant) => ({ type: 'sessionParticipant', scope, sessionId, participant }));
  }

  private async lookedUpChildren(node: ExplorerNode & { type: 'lookedUp' }): Promise<ExplorerNode[]> {
    const item = node.item;
    const scope = { accountId: item.accountId, appId: item.appId };
    if (item.kind === 'session') return this.participantNodes(scope, item.sessionId, await this.participantsOf(node.key, scope, item.sessionId));
    const loaded = this.loaded.get(node.key) ?? (await this.fetchLookedUp(item, node.key));
    return loaded.model.peerEvents.map((event) => ({ type: 'peerEvent', scope, event }));
  }

  /** Fetches a looked-up participant again; when the network fails, the last data is shown, marked stale. */
  private async fetchLookedUp(item: Exclude<LookedUp, { kind: 'session' }>, key: string): Promise<Loaded> {
    try {
      // The tree lists peer events, so it asks for them whatever the item was opened with.
      const request = item.kind === 'sessionParticipant' ? { ...item, includePeerEvents: true } : item;
      const { raw, participant: model } = await fetchInspection(this.client(), request);
      const loaded = { model, raw };
      this.loaded.set(key, loaded);
      await this.rememberLastData(key, model);
      this.changed.fire(undefined);
      return loaded;
    } catch (error) {
      const last = this.state.get<Record<string, LastData>>(LAST_DATA_KEY, {})[key];
      const offline = error instanceof RealtimeKitApiError && error.retryable;
      if (!last || !offline) throw error;
      const loaded = { model: { ...last, peerStats: [] }, raw: last, stale: true };
      this.loaded.set(key, loaded);
      this.changed.fire(undefined);
      return loaded;
    }
  }

  private async rememberLastData(key: string, model: InspectedParticipant): Promise<void> {
    const { peerStats: _statistics, ...slim } = model;
    const last = this.state.get<Record<string, LastData>>(LAST_DATA_KEY, {});
    const keep = new Set(this.items.map(lookedUpKey).concat(key));
    const next = Object.fromEntries(Object.entries({ ...last, [key]: slim }).filter(([entry]) => keep.has(entry)));
    await this.state.update(LAST_DATA_KEY, next);
  }

  private async remember(item: LookedUp): Promise<void> {
    const key = lookedUpKey(item);
    this.items = [item, ...this.items.filter((existing) => lookedUpKey(existing) !== key)].slice(0, MAX_ITEMS);
    await this.state.update(ITEMS_KEY, this.items);
    this.changed.fire(undefined);
  }
}

function sortByJoinTime(participants: RawSessionParticipant[]): RawSessionParticipant[] {
  const joined = (participant: RawSessionParticipant) => Date.parse(text(participant.joined_at) ?? '') || Number.MAX_SAFE_INTEGER;
  return [...participants].sort((a, b) => joined(a) - joined(b));
}

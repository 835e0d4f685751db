/**
 * Turns the ExplorerStore into the realtimekit.explorer tree. It remembers the node objects it handed
 * out for targets, sessions and browse lists, so a change in the store refreshes just that node.
 */
import * as vscode from 'vscode';
import type { Scope } from '../api/client';
import { text } from '../api/coerce';
import { normalizeParticipant } from '../api/normalize';
import type { RawSessionParticipant } from '../api/types';
import type { Logger } from '../common/logger';
import { scopeOf, sessionKey, targetKey, type InspectionTarget } from '../inspection/inspectionTarget';
import { errorMessage } from '../shared/errorMessage';
import { sessionLabel, type BrowseListName, type ExplorerStore, type StoreChange } from '../store/explorerStore';
import type { ExplorerNode } from './treeNodes';
import {
  browseTreeItem,
  loadMoreTreeItem,
  meetingParticipantTreeItem,
  meetingTreeItem,
  messageTreeItem,
  peerEventTreeItem,
  sessionParticipantTreeItem,
  sessionTreeItem,
  targetTreeItem,
} from './treeItems';

export class ExplorerTreeDataProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** Nodes on screen that a store change can refresh on their own, by a key of ours. */
  private readonly shown = new Map<string, ExplorerNode>();
  private readonly subscription: vscode.Disposable;

  constructor(
    readonly store: ExplorerStore,
    private readonly log: Logger,
  ) {
    this.subscription = store.onDidChange((change) => this.refresh(change));
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    switch (node.type) {
      case 'browse':
        return browseTreeItem(node.list);
      case 'loadMore':
        return loadMoreTreeItem(node);
      case 'target': {
        const loaded = this.store.loadedTarget(node.key);
        const session = this.store.session(node.key);
        return targetTreeItem(node.target, loaded?.summary, {
          participantCount: this.store.loadedSessionParticipants(node.key)?.length,
          stale: loaded?.stale,
          sessionLabel: session ? sessionLabel(session) : undefined,
        });
      }
      case 'session':
        return sessionTreeItem(node.session, this.store.loadedSessionParticipants(node.key)?.length);
      case 'meeting':
        return meetingTreeItem(node.meeting);
      case 'meetingParticipant':
        return meetingParticipantTreeItem(node.scope, node.meetingId, node.participant);
      case 'sessionParticipant':
        return sessionParticipantTreeItem(
          node.scope,
          node.sessionId,
          node.participant,
          this.store.verdictOf(node.scope, node.sessionId, text(node.participant.id) ?? ''),
        );
      case 'peerEvent':
        return peerEventTreeItem(node.scope, node.event);
      case 'message':
        return messageTreeItem(node.text, node.icon, node.tooltip);
    }
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    try {
      const children = await this.childrenOf(node);
      for (const child of children) {
        const key = shownKey(child);
        if (key) this.shown.set(key, child);
      }
      return children;
    } catch (error) {
      this.log.error('Loading tree items', error);
      return [{ type: 'message', text: 'Could not load: use Refresh to retry', tooltip: errorMessage(error), icon: 'warning' }];
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private refresh(change: StoreChange): void {
    if (change.type === 'root') {
      this.shown.clear();
      this.changed.fire(undefined);
      return;
    }
    const keys = change.type === 'browse' ? [`browse:${change.list}`] : [`target:${change.key}`, `session:${change.key}`];
    for (const key of keys) {
      const node = this.shown.get(key);
      if (node) this.changed.fire(node);
    }
  }

  private async childrenOf(node: ExplorerNode | undefined): Promise<ExplorerNode[]> {
    if (!node) return this.rootChildren();
    switch (node.type) {
      case 'browse':
        return this.browseChildren(node.list);
      case 'session':
        return this.sessionChildren(node.scope, text(node.session.id) ?? '');
      case 'meeting':
        return this.meetingChildren(node.scope, text(node.meeting.id) ?? '');
      case 'sessionParticipant':
        return normalizeParticipant('sessionParticipant', node.participant).peerEvents.map((event) => ({
          type: 'peerEvent',
          scope: node.scope,
          event,
        }));
      case 'target':
        return this.targetChildren(node.target);
      case 'loadMore':
      case 'meetingParticipant':
      case 'peerEvent':
      case 'message':
        return [];
    }
  }

  private rootChildren(): ExplorerNode[] {
    if (!this.store.isSignedIn) return [];
    const targets: ExplorerNode[] = this.store.targets().map((target) => ({ type: 'target', target, key: targetKey(target) }));
    return this.store.browseLists() ? [{ type: 'browse', list: 'sessions' }, { type: 'browse', list: 'meetings' }, ...targets] : targets;
  }

  private async browseChildren(list: BrowseListName): Promise<ExplorerNode[]> {
    const browse = this.store.browseLists();
    if (!browse) return [];
    const paged = browse[list];
    if (!paged.started) await paged.loadMore();
    const scope = browse.scope;
    const nodes: ExplorerNode[] =
      list === 'sessions'
        ? browse.sessions.items.map((session) => ({ type: 'session', scope, session, key: sessionKey(scope, text(session.id) ?? '') }))
        : browse.meetings.items.map((meeting) => ({ type: 'meeting', scope, meeting }));
    if (nodes.length === 0) return [{ type: 'message', text: list === 'sessions' ? 'No sessions' : 'No meetings', icon: 'info' }];
    if (paged.hasMore) nodes.push({ type: 'loadMore', list, loaded: paged.items.length, total: paged.totalCount });
    return nodes;
  }

  private async sessionChildren(scope: Scope, sessionId: string): Promise<ExplorerNode[]> {
    const participants = await this.store.loadSessionParticipants(scope, sessionId);
    const nodes = participantNodes(scope, sessionId, participants);
    const truncated = this.store.truncationOf(sessionKey(scope, sessionId));
    const note: ExplorerNode = {
      type: 'message',
      text: `List stopped at ${participants.length.toLocaleString('en-US')} participants`,
      tooltip: truncated,
      icon: 'warning',
    };
    return truncated ? [note, ...nodes] : nodes;
  }

  private async meetingChildren(scope: Scope, meetingId: string): Promise<ExplorerNode[]> {
    const people = await this.store.loadMeetingParticipants(scope, meetingId);
    if (people.length === 0) return [{ type: 'message', text: 'No participants', icon: 'info' }];
    return people.map((participant) => ({ type: 'meetingParticipant', scope, meetingId, participant }));
  }

  private async targetChildren(target: InspectionTarget): Promise<ExplorerNode[]> {
    const scope = scopeOf(target);
    if (target.kind === 'session') return this.sessionChildren(scope, target.sessionId);
    const loaded = await this.store.loadTarget(target);
    return loaded.summary.peerEvents.map((event) => ({ type: 'peerEvent', scope, event }));
  }
}

function participantNodes(scope: Scope, sessionId: string, participants: readonly RawSessionParticipant[]): ExplorerNode[] {
  if (participants.length === 0) return [{ type: 'message', text: 'No participants', icon: 'info' }];
  return participants.map((participant) => ({ type: 'sessionParticipant', scope, sessionId, participant }));
}

function shownKey(node: ExplorerNode): string | undefined {
  switch (node.type) {
    case 'browse':
      return `browse:${node.list}`;
    case 'target':
      return `target:${node.key}`;
    case 'session':
      return `session:${node.key}`;
    default:
      return undefined;
  }
}

/**
 * The realtimekit.explorer tree: everything looked up through a command (persisted as IDs, data fetched
 * again after a reload), sessions with their participants, and peer events under each participant.
 */
import * as vscode from 'vscode';
import type { RealtimeKitClient } from '../api/client';
import { normalizeParticipant } from '../api/normalize';
import { text } from '../api/coerce';
import type { RawSessionParticipant } from '../api/types';
import type { InspectedParticipant } from '../shared/model';
import { isLookedUp, lookedUpKey, type LookedUp } from './lookedUp';
import { lookedUpTreeItem, messageTreeItem, peerEventTreeItem, sessionParticipantTreeItem, type ExplorerNode } from './treeNodes';

const STATE_KEY = 'realtimekit.lookedUp';
const MAX_ITEMS = 100;

export class ExplorerTree implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private items: LookedUp[];
  private readonly models = new Map<string, InspectedParticipant>();
  private readonly sessions = new Map<string, RawSessionParticipant[]>();
  private readonly failures = new Map<string, string>();

  constructor(
    private readonly state: vscode.Memento,
    private readonly client: () => RealtimeKitClient,
  ) {
    this.items = state.get<unknown[]>(STATE_KEY, []).filter(isLookedUp);
  }

  lookedUp(): readonly LookedUp[] {
    return this.items;
  }

  async addLookedUp(item: LookedUp, model: InspectedParticipant): Promise<void> {
    const key = lookedUpKey(item);
    this.models.set(key, model);
    this.failures.delete(key);
    await this.remember(item);
  }

  async openSession(item: LookedUp & { kind: 'session' }, participants: RawSessionParticipant[]): Promise<void> {
    const key = lookedUpKey(item);
    this.sessions.set(key, sortByJoinTime(participants));
    this.failures.delete(key);
    await this.remember(item);
  }

  async remove(key: string): Promise<void> {
    this.items = this.items.filter((item) => lookedUpKey(item) !== key);
    this.models.delete(key);
    this.sessions.delete(key);
    await this.state.update(STATE_KEY, this.items);
    this.changed.fire(undefined);
  }

  /** Drops fetched data; expanded items fetch again. */
  async refreshAll(): Promise<void> {
    this.models.clear();
    this.sessions.clear();
    this.failures.clear();
    this.changed.fire(undefined);
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    switch (node.type) {
      case 'lookedUp':
        return lookedUpTreeItem(node.item, this.models.get(node.key), { participantCount: this.sessions.get(node.key)?.length });
      case 'sessionParticipant': {
        const treeItem = sessionParticipantTreeItem(node.participant);
        const participantId = text(node.participant.id);
        if (participantId) {
          treeItem.command = {
            title: 'Open Stats',
            command: 'realtimekit.showSessionParticipant',
            arguments: [{ accountId: node.session.accountId, appId: node.session.appId, sessionId: node.session.sessionId, participantId }],
          };
        }
        return treeItem;
      }
      case 'peerEvent': {
        const treeItem = peerEventTreeItem(node.event);
        if (node.event.peerId) {
          treeItem.command = { title: 'Show Peer Report', command: 'realtimekit.showPeerReport', arguments: [{ ...node.scope, peerId: node.event.peerId }] };
        }
        return treeItem;
      }
      case 'message':
        return messageTreeItem(node.text, node.icon, node.tooltip);
    }
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    if (!node) return this.items.map((item) => ({ type: 'lookedUp', item, key: lookedUpKey(item) }));
    if (node.type === 'sessionParticipant') {
      const model = normalizeParticipant('sessionParticipant', node.participant);
      return model.peerEvents.map((event) => ({ type: 'peerEvent', scope: node.session, event }));
    }
    if (node.type !== 'lookedUp') return [];
    const failure = this.failures.get(node.key);
    if (failure) return [{ type: 'message', text: 'Could not load: use Refresh to retry', tooltip: failure, icon: 'warning' }];
    try {
      if (node.item.kind === 'session') {
        const session = node.item;
        const participants = this.sessions.get(node.key) ?? (await this.loadSession(session, node.key));
        if (participants.length === 0) return [{ type: 'message', text: 'No participants', icon: 'info' }];
        return participants.map((participant) => ({ type: 'sessionParticipant', session, participant }));
      }
      const model = this.models.get(node.key) ?? (await this.loadParticipant(node.item, node.key));
      const scope = { accountId: node.item.accountId, appId: node.item.appId };
      return model.peerEvents.map((event) => ({ type: 'peerEvent', scope, event }));
    } catch (error) {
      this.failures.set(node.key, error instanceof Error ? error.message : String(error));
      return [{ type: 'message', text: 'Could not load: use Refresh to retry', tooltip: this.failures.get(node.key), icon: 'warning' }];
    }
  }

  dispose(): void {
    this.changed.dispose();
  }

  private async remember(item: LookedUp): Promise<void> {
    const key = lookedUpKey(item);
    this.items = [item, ...this.items.filter((existing) => lookedUpKey(existing) !== key)].slice(0, MAX_ITEMS);
    await this.state.update(STATE_KEY, this.items);
    this.changed.fire(undefined);
  }

  private async loadSession(item: LookedUp & { kind: 'session' }, key: string): Promise<RawSessionParticipant[]> {
    const all: RawSessionParticipant[] = [];
    await vscode.window.withProgress({ location: { viewId: 'realtimekit.explorer' }, title: 'Loading participants' }, async () => {
      for await (const page of this.client().allSessionParticipants(item, item.sessionId, { includePeerEvents: true })) all.push(...page);
    });
    const sorted = sortByJoinTime(all);
    this.sessions.set(key, sorted);
    return sorted;
  }

  private async loadParticipant(item: LookedUp, key: string): Promise<InspectedParticipant> {
    const client = this.client();
    let model: InspectedParticipant;
    switch (item.kind) {
      case 'sessionParticipant':
        model = normalizeParticipant('sessionParticipant', await client.getSessionParticipant(item, item, { filters: item.filters, includePeerEvents: true }), { sessionId: item.sessionId });
        break;
      case 'peer':
        model = normalizeParticipant('peer', await client.getPeerReport(item, item.peerId, { filters: item.filters, includePeerEvents: true }), { peerId: item.peerId });
        break;
      case 'meetingParticipant':
        model = normalizeParticipant('meetingParticipant', await client.getMeetingParticipant(item, item));
        break;
      default:
        throw new Error('not a participant');
    }
    this.models.set(key, model);
    return model;
  }
}

function sortByJoinTime(participants: RawSessionParticipant[]): RawSessionParticipant[] {
  const joined = (participant: RawSessionParticipant) => Date.parse(text(participant.joined_at) ?? '') || Number.MAX_SAFE_INTEGER;
  return [...participants].sort((a, b) => joined(a) - joined(b));
}

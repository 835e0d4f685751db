/** Tree items of the explorer: pure construction from data, no fetching. */
import * as vscode from 'vscode';
import type { RawSessionParticipant } from '../api/types';
import { num, text } from '../api/coerce';
import { formatDuration, formatTime } from '../shared/format';
import type { InspectedParticipant, PeerEventModel } from '../shared/model';
import { reopenCommand, type LookedUp } from './lookedUp';

export type ExplorerNode =
  | { type: 'lookedUp'; item: LookedUp; key: string }
  | { type: 'sessionParticipant'; session: LookedUp & { kind: 'session' }; participant: RawSessionParticipant }
  | { type: 'peerEvent'; scope: { accountId: string; appId: string }; event: PeerEventModel }
  | { type: 'message'; text: string; tooltip?: string; icon: string };

const EVENT_ICONS: Record<string, string> = { PEER_CREATED: 'add', PEER_JOINING: 'sign-in', PEER_LEAVING: 'sign-out' };
const KIND_ICONS: Record<LookedUp['kind'], string> = { session: 'organization', sessionParticipant: 'person', peer: 'pulse', meetingParticipant: 'account' };
const KIND_NAMES: Record<LookedUp['kind'], string> = { session: 'Session', sessionParticipant: 'Session participant', peer: 'Peer', meetingParticipant: 'Meeting participant' };

function primaryId(item: LookedUp): string {
  switch (item.kind) {
    case 'session':
      return item.sessionId;
    case 'peer':
      return item.peerId;
    default:
      return item.participantId;
  }
}

export function openCommandFor(item: LookedUp): vscode.Command | undefined {
  if (item.kind === 'session') return undefined;
  const { command, argument } = reopenCommand(item);
  return { title: 'Open Stats', command, arguments: [argument] };
}

export function lookedUpTreeItem(item: LookedUp, model: InspectedParticipant | undefined, extra: { participantCount?: number }): vscode.TreeItem {
  const label = model?.displayName ?? item.label ?? primaryId(item);
  const collapsible = item.kind === 'meetingParticipant' ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Collapsed;
  const treeItem = new vscode.TreeItem(label, collapsible);
  treeItem.iconPath = new vscode.ThemeIcon(KIND_ICONS[item.kind]);
  treeItem.contextValue = item.kind;
  treeItem.command = openCommandFor(item);
  const parts: string[] = [];
  if (item.kind === 'session') {
    if (extra.participantCount !== undefined) parts.push(`${extra.participantCount.toLocaleString('en-US')} participants`);
  } else if (model) {
    if (model.presetName) parts.push(model.presetName);
    if (model.durationMinutes !== undefined) parts.push(formatDuration(model.durationMinutes));
    if (model.peers.length > 0) parts.push(`${model.peers.length} peer${model.peers.length === 1 ? '' : 's'}`);
  }
  treeItem.description = parts.join(' · ');
  const tooltip = new vscode.MarkdownString(undefined, false);
  tooltip.appendMarkdown(`**${KIND_NAMES[item.kind]}** `).appendText(label).appendMarkdown('\n\n');
  tooltip.appendText(`ID: ${primaryId(item)}`);
  if (model?.joinedAt) tooltip.appendMarkdown('\n\n').appendText(`Joined ${formatTime(model.joinedAt)}${model.leftAt ? `, left ${formatTime(model.leftAt)}` : ''}`);
  treeItem.tooltip = tooltip;
  return treeItem;
}

export function sessionParticipantTreeItem(participant: RawSessionParticipant): vscode.TreeItem {
  const id = text(participant.id) ?? '(no ID)';
  const name = text(participant.display_name) ?? id;
  const events = Array.isArray(participant.peer_events) ? participant.peer_events : [];
  const treeItem = new vscode.TreeItem(name, events.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  treeItem.iconPath = new vscode.ThemeIcon('person');
  treeItem.contextValue = 'sessionParticipant';
  const duration = num(participant.duration);
  const peers = new Set(events.map((event) => event.peer_id).filter(Boolean)).size;
  treeItem.description = [formatTime(text(participant.joined_at)), duration !== undefined ? formatDuration(duration) : undefined, peers > 1 ? `${peers} peers` : undefined]
    .filter(Boolean)
    .join(' · ');
  const tooltip = new vscode.MarkdownString();
  tooltip.appendText(name).appendMarkdown('\n\n').appendText(`ID: ${id}`);
  const preset = text(participant.preset_name);
  if (preset) tooltip.appendMarkdown('\n\n').appendText(`Preset: ${preset}`);
  treeItem.tooltip = tooltip;
  return treeItem;
}

export function peerEventTreeItem(event: PeerEventModel): vscode.TreeItem {
  const treeItem = new vscode.TreeItem(event.name, vscode.TreeItemCollapsibleState.None);
  treeItem.description = formatTime(event.at);
  treeItem.iconPath = new vscode.ThemeIcon(EVENT_ICONS[event.name] ?? 'circle-small');
  treeItem.contextValue = 'peerEvent';
  treeItem.tooltip = `${event.name} at ${event.at ?? 'unknown time'}\npeer ${event.peerId ?? 'unknown'}`;
  return treeItem;
}

export function messageTreeItem(textValue: string, icon: string, tooltip?: string): vscode.TreeItem {
  const treeItem = new vscode.TreeItem(textValue, vscode.TreeItemCollapsibleState.None);
  treeItem.iconPath = new vscode.ThemeIcon(icon);
  treeItem.tooltip = tooltip;
  return treeItem;
}

/** Tree items of the explorer: pure construction from data, no fetching. */
import * as vscode from 'vscode';
import { num, text } from '../api/coerce';
import type { RawMeeting, RawMeetingParticipant, RawSession, RawSessionParticipant } from '../api/types';
import { formatClock, formatDuration, formatTime } from '../shared/format';
import type { InspectedParticipant, PeerEventModel } from '../shared/model';
import { reopenCommand, type LookedUp } from './lookedUp';

export interface Scope {
  accountId: string;
  appId: string;
}

export type ExplorerNode =
  | { type: 'browseSessions' }
  | { type: 'browseMeetings' }
  | { type: 'loadMore'; list: 'sessions' | 'meetings'; loaded: number; total?: number }
  | { type: 'lookedUp'; item: LookedUp; key: string }
  | { type: 'session'; scope: Scope; session: RawSession; key: string }
  | { type: 'meeting'; scope: Scope; meeting: RawMeeting }
  | { type: 'meetingParticipant'; scope: Scope; meetingId: string; participant: RawMeetingParticipant }
  | { type: 'sessionParticipant'; scope: Scope; sessionId: string; participant: RawSessionParticipant }
  | { type: 'peerEvent'; scope: Scope; event: PeerEventModel }
  | { type: 'message'; text: string; tooltip?: string; icon: string };

const EVENT_ICONS: Record<string, string> = { PEER_CREATED: 'add', PEER_JOINING: 'sign-in', PEER_LEAVING: 'sign-out' };
const KIND_ICONS: Record<LookedUp['kind'], string> = { session: 'organization', sessionParticipant: 'person', peer: 'pulse', meetingParticipant: 'account' };
const KIND_NAMES: Record<LookedUp['kind'], string> = { session: 'Session', sessionParticipant: 'Session participant', peer: 'Peer', meetingParticipant: 'Meeting participant' };

export function primaryId(item: LookedUp): string {
  switch (item.kind) {
    case 'session':
      return item.sessionId;
    case 'peer':
      return item.peerId;
    default:
      return item.participantId;
  }
}

function command(item: LookedUp): vscode.Command | undefined {
  if (item.kind === 'session') return undefined;
  const { command: id, argument } = reopenCommand(item);
  return { title: 'Open Stats', command: id, arguments: [argument] };
}

function plural(count: number, word: string): string {
  return `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`;
}

export function browseTreeItem(list: 'sessions' | 'meetings'): vscode.TreeItem {
  const treeItem = new vscode.TreeItem(list === 'sessions' ? 'Sessions' : 'Meetings', vscode.TreeItemCollapsibleState.Collapsed);
  treeItem.iconPath = new vscode.ThemeIcon(list === 'sessions' ? 'history' : 'calendar');
  treeItem.contextValue = list === 'sessions' ? 'browseSessions' : 'browseMeetings';
  treeItem.tooltip = list === 'sessions' ? 'Recent sessions of the configured app, newest first' : 'Meetings of the configured app';
  return treeItem;
}

export function loadMoreTreeItem(node: ExplorerNode & { type: 'loadMore' }): vscode.TreeItem {
  const treeItem = new vscode.TreeItem('Load more…', vscode.TreeItemCollapsibleState.None);
  treeItem.iconPath = new vscode.ThemeIcon('ellipsis');
  treeItem.description = node.total !== undefined ? `${node.loaded.toLocaleString('en-US')} of ${node.total.toLocaleString('en-US')}` : undefined;
  treeItem.command = { title: 'Load more', command: 'realtimekit.tree.loadMore', arguments: [node] };
  treeItem.contextValue = 'loadMore';
  return treeItem;
}

export function lookedUpTreeItem(item: LookedUp, model: InspectedParticipant | undefined, extra: { participantCount?: number; stale?: boolean; sessionLabel?: string }): vscode.TreeItem {
  const label = item.kind === 'session' ? (extra.sessionLabel ?? item.label ?? item.sessionId) : (model?.displayName ?? item.label ?? primaryId(item));
  const collapsible = item.kind === 'meetingParticipant' ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Collapsed;
  const treeItem = new vscode.TreeItem(label, collapsible);
  treeItem.id = `lookedUp:${item.kind}:${item.accountId}/${item.appId}/${primaryId(item)}`;
  treeItem.iconPath = new vscode.ThemeIcon(KIND_ICONS[item.kind]);
  treeItem.contextValue = `lookedUp.${item.kind}`;
  treeItem.command = command(item);
  const parts: string[] = [];
  if (item.kind === 'session') {
    if (extra.participantCount !== undefined) parts.push(plural(extra.participantCount, 'participant'));
  } else if (model) {
    if (model.presetName) parts.push(model.presetName);
    if (model.durationMinutes !== undefined) parts.push(formatDuration(model.durationMinutes));
    if (model.peers.length > 0) parts.push(plural(model.peers.length, 'peer'));
  }
  if (extra.stale) parts.push('stale');
  treeItem.description = parts.join(' · ');
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown(`**${KIND_NAMES[item.kind]}** `).appendText(label).appendMarkdown('\n\n').appendText(`ID: ${primaryId(item)}`);
  if (model?.joinedAt) tooltip.appendMarkdown('\n\n').appendText(`Joined ${formatTime(model.joinedAt)}${model.leftAt ? `, left ${formatTime(model.leftAt)}` : ''}`);
  if (extra.stale) tooltip.appendMarkdown('\n\n').appendText('Could not be fetched again: showing the last data.');
  treeItem.tooltip = tooltip;
  return treeItem;
}

export function sessionLabel(session: RawSession): string {
  return text(session.meeting_display_name) ?? text(session.id) ?? 'Session';
}

export function sessionTreeItem(session: RawSession, participantCount: number | undefined): vscode.TreeItem {
  const treeItem = new vscode.TreeItem(sessionLabel(session), vscode.TreeItemCollapsibleState.Collapsed);
  const status = text(session.status);
  treeItem.id = `session:${text(session.id)}`;
  treeItem.iconPath = new vscode.ThemeIcon(status === 'LIVE' ? 'broadcast' : 'organization');
  treeItem.contextValue = 'session';
  const count = participantCount ?? num(session.max_concurrent_participants) ?? num(session.live_participants);
  const minutes = num(session.minutes_consumed);
  treeItem.description = [status, count !== undefined ? plural(count, 'participant') : undefined, minutes !== undefined ? `${Math.round(minutes)} min` : undefined, formatTime(text(session.started_at) ?? text(session.created_at)).slice(0, 16)]
    .filter(Boolean)
    .join(' · ');
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown('**Session** ').appendText(sessionLabel(session));
  tooltip.appendMarkdown('\n\n').appendText(`ID: ${text(session.id) ?? '?'}`);
  tooltip.appendMarkdown('\n\n').appendText(`Status: ${status ?? '?'}; started ${formatTime(text(session.started_at))}${text(session.ended_at) ? `; ended ${formatTime(text(session.ended_at))}` : ''}`);
  if (minutes !== undefined) tooltip.appendMarkdown('\n\n').appendText(`Minutes consumed: ${minutes}`);
  treeItem.tooltip = tooltip;
  return treeItem;
}

export function meetingTreeItem(meeting: RawMeeting): vscode.TreeItem {
  const treeItem = new vscode.TreeItem(text(meeting.title) ?? text(meeting.id) ?? 'Meeting', vscode.TreeItemCollapsibleState.Collapsed);
  treeItem.iconPath = new vscode.ThemeIcon('calendar');
  treeItem.contextValue = 'meeting';
  treeItem.description = [text(meeting.status), formatTime(text(meeting.created_at))].filter(Boolean).join(' · ');
  treeItem.tooltip = `Meeting ${text(meeting.id) ?? ''}`;
  return treeItem;
}

export function meetingParticipantTreeItem(scope: Scope, meetingId: string, participant: RawMeetingParticipant): vscode.TreeItem {
  const id = text(participant.id) ?? '';
  const treeItem = new vscode.TreeItem(text(participant.name) ?? id, vscode.TreeItemCollapsibleState.None);
  treeItem.iconPath = new vscode.ThemeIcon('account');
  treeItem.contextValue = 'meetingParticipant';
  treeItem.description = text(participant.preset_name);
  treeItem.tooltip = `Meeting participant ${id}`;
  if (id) treeItem.command = { title: 'Open', command: 'realtimekit.showMeetingParticipant', arguments: [{ ...scope, meetingId, participantId: id }] };
  return treeItem;
}

export function sessionParticipantTreeItem(scope: Scope, sessionId: string, participant: RawSessionParticipant): vscode.TreeItem {
  const id = text(participant.id) ?? '(no ID)';
  const name = text(participant.display_name) ?? id;
  const events = Array.isArray(participant.peer_events) ? participant.peer_events : [];
  const treeItem = new vscode.TreeItem(name, events.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  treeItem.iconPath = new vscode.ThemeIcon('person');
  treeItem.contextValue = 'sessionParticipant';
  const duration = num(participant.duration);
  const peers = new Set(events.map((event) => event.peer_id).filter(Boolean)).size;
  const left = text(participant.left_at);
  treeItem.description = [duration !== undefined ? formatDuration(duration) : undefined, left ? undefined : 'in call', peers > 1 ? `${peers} peers` : undefined, `joined ${formatClock(text(participant.joined_at))}`]
    .filter(Boolean)
    .join(' · ');
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown('**').appendText(name).appendMarkdown('**\n\n').appendText(`ID: ${id}`);
  const preset = text(participant.preset_name);
  if (preset) tooltip.appendMarkdown('\n\n').appendText(`Preset: ${preset}`);
  tooltip.appendMarkdown('\n\n').appendText(`Joined ${formatTime(text(participant.joined_at))}${left ? `, left ${formatTime(left)}` : ''}`);
  if (peers) tooltip.appendMarkdown('\n\n').appendText(`${plural(peers, 'peer')} (each reconnect is a new peer)`);
  treeItem.tooltip = tooltip;
  if (text(participant.id)) treeItem.command = { title: 'Open Stats', command: 'realtimekit.showSessionParticipant', arguments: [{ ...scope, sessionId, participantId: id }] };
  return treeItem;
}

export function peerEventTreeItem(scope: Scope, event: PeerEventModel): vscode.TreeItem {
  const treeItem = new vscode.TreeItem(event.name, vscode.TreeItemCollapsibleState.None);
  treeItem.description = formatClock(event.at);
  treeItem.iconPath = new vscode.ThemeIcon(EVENT_ICONS[event.name] ?? 'circle-small');
  treeItem.contextValue = event.peerId ? 'peerEvent' : 'peerEventWithoutPeer';
  treeItem.tooltip = `${event.name} at ${formatTime(event.at) || 'an unknown time'}\npeer ${event.peerId ?? 'unknown'}`;
  if (event.peerId) treeItem.command = { title: 'Show Peer Report', command: 'realtimekit.showPeerReport', arguments: [{ ...scope, peerId: event.peerId }] };
  return treeItem;
}

export function messageTreeItem(textValue: string, icon: string, tooltip?: string): vscode.TreeItem {
  const treeItem = new vscode.TreeItem(textValue, vscode.TreeItemCollapsibleState.None);
  treeItem.iconPath = new vscode.ThemeIcon(icon);
  treeItem.tooltip = tooltip;
  return treeItem;
}

/** Tree items of the explorer: pure construction from data, no fetching. */
import * as vscode from 'vscode';
import type { Scope } from '../api/client';
import { num, text } from '../api/coerce';
import type { RawMeeting, RawMeetingParticipant, RawSession, RawSessionParticipant } from '../api/types';
import { call, treeItemCommand } from '../common/commands';
import { primaryId, type InspectionTarget } from '../inspection/inspectionTarget';
import { reopenCommand } from '../inspection/reopenCommand';
import { formatClock, formatDuration, formatShortTime, formatTime } from '../shared/format';
import type { PeerEventModel } from '../shared/model';
import type { BrowseListName, ParticipantVerdict } from '../store/explorerStore';
import { sessionLabel } from '../store/explorerStore';
import type { TreeSummary } from '../store/inspectionHistory';

// A Map, not an object: an event named "constructor" must not find Object.prototype.constructor.
const EVENT_ICONS = new Map([
  ['PEER_CREATED', 'add'],
  ['PEER_JOINING', 'sign-in'],
  ['PEER_LEAVING', 'sign-out'],
]);
const KIND_ICONS: Record<InspectionTarget['kind'], string> = {
  session: 'organization',
  sessionParticipant: 'person',
  peer: 'pulse',
  meetingParticipant: 'account',
};
const KIND_NAMES: Record<InspectionTarget['kind'], string> = {
  session: 'Session',
  sessionParticipant: 'Session participant',
  peer: 'Peer',
  meetingParticipant: 'Meeting participant',
};

function plural(count: number, word: string): string {
  return `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`;
}

export function browseTreeItem(list: BrowseListName): vscode.TreeItem {
  const treeItem = new vscode.TreeItem(list === 'sessions' ? 'Sessions' : 'Meetings', vscode.TreeItemCollapsibleState.Collapsed);
  treeItem.id = `browse:${list}`;
  treeItem.iconPath = new vscode.ThemeIcon(list === 'sessions' ? 'history' : 'calendar');
  treeItem.contextValue = list === 'sessions' ? 'browseSessions' : 'browseMeetings';
  treeItem.tooltip = list === 'sessions' ? 'Recent sessions of the configured app, newest first' : 'Meetings of the configured app';
  return treeItem;
}

export function loadMoreTreeItem(node: { list: BrowseListName; loaded: number; total?: number }): vscode.TreeItem {
  const treeItem = new vscode.TreeItem('Load more…', vscode.TreeItemCollapsibleState.None);
  treeItem.iconPath = new vscode.ThemeIcon('ellipsis');
  treeItem.description =
    node.total !== undefined ? `${node.loaded.toLocaleString('en-US')} of ${node.total.toLocaleString('en-US')}` : undefined;
  treeItem.command = treeItemCommand('Load more', call('realtimekit.tree.loadMore', { type: 'loadMore', ...node }));
  treeItem.contextValue = 'loadMore';
  return treeItem;
}

export interface TargetExtras {
  participantCount?: number;
  stale?: boolean;
  sessionLabel?: string;
}

export function targetTreeItem(target: InspectionTarget, summary: TreeSummary | undefined, extra: TargetExtras): vscode.TreeItem {
  const label =
    target.kind === 'session'
      ? (extra.sessionLabel ?? target.label ?? target.sessionId)
      : (summary?.displayName ?? target.label ?? primaryId(target));
  const collapsible =
    target.kind === 'meetingParticipant' ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Collapsed;
  const treeItem = new vscode.TreeItem(label, collapsible);
  treeItem.id = `target:${target.kind}:${target.accountId}/${target.appId}/${primaryId(target)}`;
  treeItem.iconPath = new vscode.ThemeIcon(KIND_ICONS[target.kind]);
  treeItem.contextValue = `target.${target.kind}`;
  if (target.kind !== 'session') treeItem.command = treeItemCommand('Open Stats', reopenCommand(target));
  const parts: string[] = [];
  if (target.kind === 'session') {
    if (extra.participantCount !== undefined) parts.push(plural(extra.participantCount, 'participant'));
  } else if (summary) {
    if (summary.presetName) parts.push(summary.presetName);
    if (summary.durationMinutes !== undefined) parts.push(formatDuration(summary.durationMinutes));
    if (summary.peerCount > 0) parts.push(plural(summary.peerCount, 'peer'));
  }
  if (extra.stale) parts.push('stale');
  treeItem.description = parts.join(' · ');
  const tooltip = new vscode.MarkdownString();
  tooltip
    .appendMarkdown(`**${KIND_NAMES[target.kind]}** `)
    .appendText(label)
    .appendMarkdown('\n\n')
    .appendText(`ID: ${primaryId(target)}`);
  if (summary?.joinedAt)
    tooltip
      .appendMarkdown('\n\n')
      .appendText(`Joined ${formatTime(summary.joinedAt)}${summary.leftAt ? `, left ${formatTime(summary.leftAt)}` : ''}`);
  if (extra.stale) tooltip.appendMarkdown('\n\n').appendText('Could not be fetched again: showing the last data.');
  treeItem.tooltip = tooltip;
  return treeItem;
}

export function sessionTreeItem(session: RawSession, participantCount: number | undefined): vscode.TreeItem {
  const treeItem = new vscode.TreeItem(sessionLabel(session), vscode.TreeItemCollapsibleState.Collapsed);
  const status = text(session.status);
  treeItem.id = `session:${text(session.id)}`;
  treeItem.iconPath = new vscode.ThemeIcon(status === 'LIVE' ? 'broadcast' : 'organization');
  treeItem.contextValue = 'session';
  const count = participantCount ?? num(session.max_concurrent_participants) ?? num(session.live_participants);
  const minutes = num(session.minutes_consumed);
  // When it started comes first: sessions of one meeting share its title, and the sidebar cuts the end off.
  treeItem.description = [
    formatShortTime(text(session.started_at) ?? text(session.created_at)),
    status,
    count !== undefined ? plural(count, 'participant') : undefined,
    minutes !== undefined ? `${Math.round(minutes)} min` : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown('**Session** ').appendText(sessionLabel(session));
  tooltip.appendMarkdown('\n\n').appendText(`ID: ${text(session.id) ?? '?'}`);
  const ended = text(session.ended_at);
  tooltip
    .appendMarkdown('\n\n')
    .appendText(`Status: ${status ?? '?'}; started ${formatTime(text(session.started_at))}${ended ? `; ended ${formatTime(ended)}` : ''}`);
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
  if (id)
    treeItem.command = treeItemCommand('Open', call('realtimekit.showMeetingParticipant', { ...scope, meetingId, participantId: id }));
  return treeItem;
}

const VERDICT_ICONS: Record<ParticipantVerdict['verdict'], vscode.ThemeIcon> = {
  poor: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  degraded: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  good: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  unknown: new vscode.ThemeIcon('question'),
};

export function sessionParticipantTreeItem(
  scope: Scope,
  sessionId: string,
  participant: RawSessionParticipant,
  verdict?: ParticipantVerdict,
): vscode.TreeItem {
  const id = text(participant.id) ?? '(no ID)';
  const name = text(participant.display_name) ?? id;
  const events = Array.isArray(participant.peer_events) ? participant.peer_events : [];
  const treeItem = new vscode.TreeItem(
    name,
    events.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
  );
  treeItem.iconPath = verdict ? VERDICT_ICONS[verdict.verdict] : new vscode.ThemeIcon('person');
  treeItem.contextValue = 'sessionParticipant';
  const duration = num(participant.duration);
  const peers = new Set(events.map((event) => event.peer_id).filter(Boolean)).size;
  const left = text(participant.left_at);
  treeItem.description = [
    verdict ? (verdict.error ? 'could not be read' : (verdict.topIssue ?? verdict.verdict)) : undefined,
    duration !== undefined ? formatDuration(duration) : undefined,
    left ? undefined : 'in call',
    peers > 1 ? `${peers} peers` : undefined,
    `joined ${formatClock(text(participant.joined_at))}`,
  ]
    .filter(Boolean)
    .join(' · ');
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown('**').appendText(name).appendMarkdown('**\n\n').appendText(`ID: ${id}`);
  const preset = text(participant.preset_name);
  if (preset) tooltip.appendMarkdown('\n\n').appendText(`Preset: ${preset}`);
  tooltip.appendMarkdown('\n\n').appendText(`Joined ${formatTime(text(participant.joined_at))}${left ? `, left ${formatTime(left)}` : ''}`);
  if (peers) tooltip.appendMarkdown('\n\n').appendText(`${plural(peers, 'peer')} (each reconnect is a new peer)`);
  if (verdict)
    tooltip
      .appendMarkdown('\n\n')
      .appendText(
        `Session overview: ${verdict.verdict}${verdict.topIssue ? `, ${verdict.topIssue}` : ''}${verdict.error ? ` (${verdict.error})` : ''}`,
      );
  treeItem.tooltip = tooltip;
  if (text(participant.id))
    treeItem.command = treeItemCommand(
      'Open Stats',
      call('realtimekit.showSessionParticipant', { ...scope, sessionId, participantId: id }),
    );
  return treeItem;
}

export function peerEventTreeItem(scope: Scope, event: PeerEventModel): vscode.TreeItem {
  const treeItem = new vscode.TreeItem(event.name, vscode.TreeItemCollapsibleState.None);
  treeItem.description = formatClock(event.at);
  treeItem.iconPath = new vscode.ThemeIcon(EVENT_ICONS.get(event.name) ?? 'circle-small');
  treeItem.contextValue = event.peerId ? 'peerEvent' : 'peerEventWithoutPeer';
  treeItem.tooltip = `${event.name} at ${formatTime(event.at) || 'an unknown time'}\npeer ${event.peerId ?? 'unknown'}`;
  if (event.peerId)
    treeItem.command = treeItemCommand('Show Peer Report', call('realtimekit.showPeerReport', { ...scope, peerId: event.peerId }));
  return treeItem;
}

export function messageTreeItem(textValue: string, icon: string, tooltip?: string): vscode.TreeItem {
  const treeItem = new vscode.TreeItem(textValue, vscode.TreeItemCollapsibleState.None);
  treeItem.iconPath = new vscode.ThemeIcon(icon);
  treeItem.tooltip = tooltip;
  return treeItem;
}

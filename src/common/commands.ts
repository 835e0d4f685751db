/**
 * Every command ID, typed once with its argument, and the one typed way to run a command or attach it
 * to a tree item. Nothing else in src/ spells a command ID.
 */
import * as vscode from 'vscode';
import type { StatsFilter } from '../api/endpoints';
import type { ExplorerNode } from '../views/treeNodes';

export interface ScopeArgument {
  accountId?: string;
  appId?: string;
}
export interface SessionParticipantArgument extends ScopeArgument {
  sessionId: string;
  participantId: string;
  filters?: StatsFilter[];
  includePeerEvents?: boolean;
}
export interface PeerReportArgument extends ScopeArgument {
  peerId: string;
  filters?: StatsFilter[];
}
export interface MeetingParticipantArgument extends ScopeArgument {
  meetingId: string;
  participantId: string;
}
export interface SessionArgument extends ScopeArgument {
  sessionId: string;
}
export interface CompareArgument extends SessionArgument {
  participantIds: string[];
}

/** Command ID → the arguments it takes. Palette commands take their argument optionally. */
export interface CommandArguments {
  'realtimekit.setApiToken': [token?: string];
  'realtimekit.clearApiToken': [];
  'realtimekit.showSessionParticipant': [argument?: SessionParticipantArgument];
  'realtimekit.showPeerReport': [argument?: PeerReportArgument];
  'realtimekit.showMeetingParticipant': [argument?: MeetingParticipantArgument];
  'realtimekit.openSession': [argument?: SessionArgument];
  'realtimekit.showSessionOverview': [argument?: SessionArgument];
  'realtimekit.compareParticipants': [argument?: CompareArgument | ExplorerNode, selected?: ExplorerNode[]];
  'realtimekit.refresh': [node?: ExplorerNode];
  'realtimekit.configure': [];
  'realtimekit.clearRecentIds': [];
  'realtimekit.tree.loadMore': [node?: ExplorerNode];
  'realtimekit.tree.openStats': [node?: ExplorerNode];
  'realtimekit.tree.showPeerReport': [node?: ExplorerNode];
  'realtimekit.tree.openSession': [node?: ExplorerNode];
  'realtimekit.tree.showSessionOverview': [node?: ExplorerNode];
  'realtimekit.tree.copyId': [node?: ExplorerNode];
  'realtimekit.tree.copyJson': [node?: ExplorerNode];
  'realtimekit.tree.copyLink': [node?: ExplorerNode];
  'realtimekit.tree.remove': [node?: ExplorerNode];
}

export type CommandId = keyof CommandArguments;

/** A command with its arguments, ready to run later (Retry, links, tree items). */
export interface CommandCall<C extends CommandId = CommandId> {
  command: C;
  arguments: CommandArguments[C];
}

export function call<C extends CommandId>(command: C, ...args: CommandArguments[C]): CommandCall<C> {
  return { command, arguments: args };
}

export function executeCommand<C extends CommandId>(command: C, ...args: CommandArguments[C]): Thenable<unknown> {
  return vscode.commands.executeCommand(command, ...args);
}

export function runCall(commandCall: CommandCall): Thenable<unknown> {
  return vscode.commands.executeCommand(commandCall.command, ...commandCall.arguments);
}

/** The vscode.Command a tree item runs when chosen. */
export function treeItemCommand(title: string, commandCall: CommandCall): vscode.Command {
  return { title, command: commandCall.command, arguments: [...commandCall.arguments] };
}

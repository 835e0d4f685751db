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

/** A command's argument tuple, for the type only: the value is a placeholder never read. */
const takes = <Arguments extends unknown[]>() => undefined as unknown as Arguments;

/**
 * Command ID → the arguments it takes. Palette commands take their argument optionally. An object rather
 * than an interface so the list of IDs exists at run time too (COMMAND_IDS), written once.
 */
const COMMAND_ARGUMENTS = {
  'realtimekit.setApiToken': takes<[token?: string]>(),
  'realtimekit.clearApiToken': takes<[]>(),
  'realtimekit.showSessionParticipant': takes<[argument?: SessionParticipantArgument]>(),
  'realtimekit.showPeerReport': takes<[argument?: PeerReportArgument]>(),
  'realtimekit.showMeetingParticipant': takes<[argument?: MeetingParticipantArgument]>(),
  'realtimekit.openSession': takes<[argument?: SessionArgument]>(),
  'realtimekit.showSessionOverview': takes<[argument?: SessionArgument]>(),
  'realtimekit.compareParticipants': takes<[argument?: CompareArgument | ExplorerNode, selected?: ExplorerNode[]]>(),
  'realtimekit.refresh': takes<[node?: ExplorerNode]>(),
  'realtimekit.configure': takes<[]>(),
  'realtimekit.clearRecentIds': takes<[]>(),
  'realtimekit.tree.choose': takes<[chosen?: { command: string; arguments: unknown[] }]>(),
  'realtimekit.tree.loadMore': takes<[node?: ExplorerNode]>(),
  'realtimekit.tree.openStats': takes<[node?: ExplorerNode]>(),
  'realtimekit.tree.showPeerReport': takes<[node?: ExplorerNode]>(),
  'realtimekit.tree.openSession': takes<[node?: ExplorerNode]>(),
  'realtimekit.tree.showSessionOverview': takes<[node?: ExplorerNode]>(),
  'realtimekit.tree.copyId': takes<[node?: ExplorerNode]>(),
  'realtimekit.tree.copyJson': takes<[node?: ExplorerNode]>(),
  'realtimekit.tree.copyLink': takes<[node?: ExplorerNode]>(),
  'realtimekit.tree.remove': takes<[node?: ExplorerNode]>(),
};

export type CommandArguments = typeof COMMAND_ARGUMENTS;

export type CommandId = keyof CommandArguments;

/** Every command ID: what activation registers before anything else is loaded. */
export const COMMAND_IDS = Object.keys(COMMAND_ARGUMENTS) as readonly CommandId[];

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

/** The vscode.Command a tree item runs when chosen: the call, through realtimekit.tree.choose (see there why). */
export function treeItemCommand(title: string, commandCall: CommandCall): vscode.Command {
  return { title, command: 'realtimekit.tree.choose', arguments: [commandCall] };
}

/**
 * realtimekit.tree.openStats: the stats panel of an inspected target or a listed participant.
 * Resolves to nothing, as a tree item does (see resultUnwanted.ts).
 */
import { text } from '../../api/coerce';
import { call, runCall, type CommandCall } from '../../common/commands';
import { reopenCommand } from '../../inspection/reopenCommand';
import { asExplorerNode } from '../../views/treeNodes';
import type { CommandDefinition } from '../support/commandDefinition';
import { withoutResult } from '../support/resultUnwanted';

async function openStats(_services: unknown, value?: unknown): Promise<undefined> {
  const node = asExplorerNode(value);
  const participantId = node?.type === 'sessionParticipant' || node?.type === 'meetingParticipant' ? text(node.participant.id) : undefined;
  let open: CommandCall | undefined;
  if (node?.type === 'target') open = reopenCommand(node.target);
  else if (node?.type === 'sessionParticipant' && participantId)
    open = call('realtimekit.showSessionParticipant', { ...node.scope, sessionId: node.sessionId, participantId });
  else if (node?.type === 'meetingParticipant' && participantId)
    open = call('realtimekit.showMeetingParticipant', { ...node.scope, meetingId: node.meetingId, participantId });
  if (open) await withoutResult(() => runCall(open));
  return undefined;
}

export const openStatsCommand: CommandDefinition = { id: 'realtimekit.tree.openStats', run: openStats };

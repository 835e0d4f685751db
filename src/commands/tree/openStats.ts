/**
 * realtimekit.tree.openStats: the stats panel of an inspected target or a listed participant.
 * Resolves to nothing, as a tree item does (see choose.ts).
 */
import { text } from '../../api/coerce';
import { executeCommand, runCall } from '../../common/commands';
import { reopenCommand } from '../../inspection/reopenCommand';
import { asExplorerNode } from '../../views/treeNodes';
import type { CommandDefinition } from '../support/commandDefinition';

async function openStats(_services: unknown, value?: unknown): Promise<undefined> {
  const node = asExplorerNode(value);
  if (node?.type === 'target') return void (await runCall(reopenCommand(node.target)));
  const participantId = node?.type === 'sessionParticipant' || node?.type === 'meetingParticipant' ? text(node.participant.id) : undefined;
  if (!participantId) return undefined;
  if (node?.type === 'sessionParticipant')
    return void (await executeCommand('realtimekit.showSessionParticipant', { ...node.scope, sessionId: node.sessionId, participantId }));
  if (node?.type === 'meetingParticipant')
    return void (await executeCommand('realtimekit.showMeetingParticipant', { ...node.scope, meetingId: node.meetingId, participantId }));
  return undefined;
}

export const openStatsCommand: CommandDefinition = { id: 'realtimekit.tree.openStats', run: openStats };

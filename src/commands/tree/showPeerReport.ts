/** realtimekit.tree.showPeerReport: the peer report of a peer event's peer. */
import { executeCommand } from '../../common/commands';
import { asExplorerNode } from '../../views/treeNodes';
import type { CommandDefinition } from '../support/commandDefinition';

async function showPeerReport(_services: unknown, value?: unknown): Promise<unknown> {
  const node = asExplorerNode(value);
  if (node?.type === 'peerEvent' && node.event.peerId)
    return executeCommand('realtimekit.showPeerReport', { ...node.scope, peerId: node.event.peerId });
  return undefined;
}

export const treeShowPeerReportCommand: CommandDefinition = { id: 'realtimekit.tree.showPeerReport', run: showPeerReport };

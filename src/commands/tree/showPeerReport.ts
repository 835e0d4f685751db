/**
 * realtimekit.tree.showPeerReport: the peer report of a peer event's peer.
 * Resolves to nothing, as a tree item does (see choose.ts).
 */
import { executeCommand } from '../../common/commands';
import { asExplorerNode } from '../../views/treeNodes';
import type { CommandDefinition } from '../support/commandDefinition';

async function showPeerReport(_services: unknown, value?: unknown): Promise<undefined> {
  const node = asExplorerNode(value);
  if (node?.type === 'peerEvent' && node.event.peerId)
    return void (await executeCommand('realtimekit.showPeerReport', { ...node.scope, peerId: node.event.peerId }));
  return undefined;
}

export const treeShowPeerReportCommand: CommandDefinition = { id: 'realtimekit.tree.showPeerReport', run: showPeerReport };

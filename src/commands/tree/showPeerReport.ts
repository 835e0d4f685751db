/**
 * realtimekit.tree.showPeerReport: the peer report of a peer event's peer.
 * Resolves to nothing, as a tree item does (see resultUnwanted.ts).
 */
import { call, runCall } from '../../common/commands';
import { asExplorerNode } from '../../views/treeNodes';
import type { CommandDefinition } from '../support/commandDefinition';
import { withoutResult } from '../support/resultUnwanted';

async function showPeerReport(_services: unknown, value?: unknown): Promise<undefined> {
  const node = asExplorerNode(value);
  const peerId = node?.type === 'peerEvent' ? node.event.peerId : undefined;
  if (node?.type === 'peerEvent' && peerId)
    await withoutResult(() => runCall(call('realtimekit.showPeerReport', { ...node.scope, peerId })));
  return undefined;
}

export const treeShowPeerReportCommand: CommandDefinition = { id: 'realtimekit.tree.showPeerReport', run: showPeerReport };

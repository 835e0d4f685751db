/**
 * realtimekit.tree.openSession: lists a browsed session among the inspected targets.
 * Resolves to nothing, as a tree item does (see resultUnwanted.ts).
 */
import { text } from '../../api/coerce';
import { call, runCall } from '../../common/commands';
import { asExplorerNode } from '../../views/treeNodes';
import type { CommandDefinition } from '../support/commandDefinition';
import { withoutResult } from '../support/resultUnwanted';

async function openSession(_services: unknown, value?: unknown): Promise<undefined> {
  const node = asExplorerNode(value);
  const sessionId = node?.type === 'session' ? text(node.session.id) : undefined;
  if (node?.type === 'session' && sessionId)
    await withoutResult(() => runCall(call('realtimekit.openSession', { ...node.scope, sessionId })));
  return undefined;
}

export const treeOpenSessionCommand: CommandDefinition = { id: 'realtimekit.tree.openSession', run: openSession };

/**
 * realtimekit.tree.showSessionOverview: the overview of a browsed or opened session.
 * Resolves to nothing, as a tree item does (see resultUnwanted.ts).
 */
import { text } from '../../api/coerce';
import { call, runCall, type CommandCall } from '../../common/commands';
import { scopeOf } from '../../inspection/inspectionTarget';
import { asExplorerNode } from '../../views/treeNodes';
import type { CommandDefinition } from '../support/commandDefinition';
import { withoutResult } from '../support/resultUnwanted';

async function showSessionOverview(_services: unknown, value?: unknown): Promise<undefined> {
  const node = asExplorerNode(value);
  const sessionId = node?.type === 'session' ? text(node.session.id) : undefined;
  let open: CommandCall | undefined;
  if (node?.type === 'target' && node.target.kind === 'session')
    open = call('realtimekit.showSessionOverview', { ...scopeOf(node.target), sessionId: node.target.sessionId });
  else if (node?.type === 'session' && sessionId) open = call('realtimekit.showSessionOverview', { ...node.scope, sessionId });
  if (open) await withoutResult(() => runCall(open));
  return undefined;
}

export const treeShowSessionOverviewCommand: CommandDefinition = { id: 'realtimekit.tree.showSessionOverview', run: showSessionOverview };

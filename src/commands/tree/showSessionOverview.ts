/**
 * realtimekit.tree.showSessionOverview: the overview of a browsed or opened session.
 * Resolves to nothing, as a tree item does (see resultUnwanted.ts).
 */
import { text } from '../../api/coerce';
import { executeCommand } from '../../common/commands';
import { scopeOf } from '../../inspection/inspectionTarget';
import { asExplorerNode } from '../../views/treeNodes';
import type { CommandDefinition } from '../support/commandDefinition';

async function showSessionOverview(_services: unknown, value?: unknown): Promise<undefined> {
  const node = asExplorerNode(value);
  if (node?.type === 'target' && node.target.kind === 'session') {
    return void (await executeCommand('realtimekit.showSessionOverview', { ...scopeOf(node.target), sessionId: node.target.sessionId }));
  }
  const sessionId = node?.type === 'session' ? text(node.session.id) : undefined;
  if (node?.type === 'session' && sessionId)
    return void (await executeCommand('realtimekit.showSessionOverview', { ...node.scope, sessionId }));
  return undefined;
}

export const treeShowSessionOverviewCommand: CommandDefinition = { id: 'realtimekit.tree.showSessionOverview', run: showSessionOverview };

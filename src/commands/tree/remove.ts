/** realtimekit.tree.remove: forgets an inspected target. */
import { asExplorerNode } from '../../views/treeNodes';
import type { CommandDefinition } from '../support/commandDefinition';
import type { Services } from '../support/services';

async function remove(services: Services, value?: unknown): Promise<void> {
  const node = asExplorerNode(value);
  if (node?.type === 'target') await services.store.remove(node.key);
}

export const removeCommand: CommandDefinition = { id: 'realtimekit.tree.remove', run: remove };

/** realtimekit.tree.loadMore: the next page of a browse list ("Load more…" items). */
import { asExplorerNode } from '../../views/treeNodes';
import type { CommandDefinition } from '../support/commandDefinition';
import type { Services } from '../support/services';

async function loadMore(services: Services, value?: unknown): Promise<void> {
  const node = asExplorerNode(value);
  if (node?.type === 'loadMore') await services.store.loadMore(node.list);
}

export const loadMoreCommand: CommandDefinition = { id: 'realtimekit.tree.loadMore', run: loadMore };

/** realtimekit.tree.copyJson: the data behind a node, as JSON, to the clipboard. */
import * as vscode from 'vscode';
import { rawOf } from '../../views/nodeData';
import { asExplorerNode } from '../../views/treeNodes';
import type { CommandDefinition } from '../support/commandDefinition';
import type { Services } from '../support/services';

async function copyJson(services: Services, value?: unknown): Promise<void> {
  const node = asExplorerNode(value);
  if (!node) return;
  await vscode.env.clipboard.writeText(JSON.stringify(rawOf(services.store, node) ?? null, null, 2));
  vscode.window.setStatusBarMessage('RealtimeKit: copied as JSON', 3000);
}

export const copyJsonCommand: CommandDefinition = { id: 'realtimekit.tree.copyJson', run: copyJson };

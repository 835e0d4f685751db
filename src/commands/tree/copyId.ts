/** realtimekit.tree.copyId: the node's ID to the clipboard. */
import * as vscode from 'vscode';
import { idOf } from '../../views/nodeData';
import { asExplorerNode } from '../../views/treeNodes';
import type { CommandDefinition } from '../support/commandDefinition';

async function copyId(_services: unknown, value?: unknown): Promise<void> {
  const node = asExplorerNode(value);
  const id = node && idOf(node);
  if (!id) return;
  await vscode.env.clipboard.writeText(id);
  vscode.window.setStatusBarMessage(`RealtimeKit: copied ${id}`, 3000);
}

export const copyIdCommand: CommandDefinition = { id: 'realtimekit.tree.copyId', run: copyId };

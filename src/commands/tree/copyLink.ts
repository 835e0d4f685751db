/** realtimekit.tree.copyLink: a vscode:// link that reopens an inspected target, for a ticket. */
import * as vscode from 'vscode';
import { reopenCommand } from '../../inspection/reopenCommand';
import { inspectorLink } from '../../links/inspectorLink';
import { asExplorerNode } from '../../views/treeNodes';
import type { CommandDefinition } from '../support/commandDefinition';

async function copyLink(_services: unknown, value?: unknown): Promise<void> {
  const node = asExplorerNode(value);
  if (node?.type !== 'target') return;
  const link = inspectorLink(vscode.env.uriScheme, reopenCommand(node.target));
  if (!link) return;
  await vscode.env.clipboard.writeText(link);
  vscode.window.setStatusBarMessage('RealtimeKit: link copied (it opens this item after a confirmation)', 4000);
}

export const copyLinkCommand: CommandDefinition = { id: 'realtimekit.tree.copyLink', run: copyLink };

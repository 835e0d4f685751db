/** What the commands need, handed in by extension.ts so each command stays a small function. */
import type * as vscode from 'vscode';
import type { RealtimeKitClient } from '../api/client';
import type { StatsPanels } from '../panels/statsPanels';
import type { TokenStore } from '../tokenStore';
import type { ExplorerTree } from '../views/explorerTree';
import type { RecentIds } from './recentIds';

export interface Services {
  readonly tokens: TokenStore;
  readonly recent: RecentIds;
  readonly log: vscode.LogOutputChannel;
  readonly panels: StatsPanels;
  readonly tree: ExplorerTree;
  client(): RealtimeKitClient;
}

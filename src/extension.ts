/** Wires the extension together: services, commands, tree and panels. */
import * as vscode from 'vscode';
import { RealtimeKitClient } from './api/client';
import { configure } from './commands/configure';
import { treeCommands } from './commands/treeCommands';
import { CLEAR_API_TOKEN, SET_API_TOKEN, clearApiToken, setApiToken } from './commands/apiToken';
import { OPEN_SESSION, openSession } from './commands/openSession';
import { RecentIds } from './commands/recentIds';
import { refresh } from './commands/refresh';
import { registerCommand } from './commands/register';
import type { Services } from './commands/services';
import { SHOW_MEETING_PARTICIPANT, showMeetingParticipant } from './commands/showMeetingParticipant';
import { SHOW_PEER_REPORT, showPeerReport } from './commands/showPeerReport';
import { SHOW_SESSION_PARTICIPANT, showSessionParticipant } from './commands/showSessionParticipant';
import { createLog, logRequest } from './log';
import { STATS_VIEW_TYPE, StatsPanels } from './panels/statsPanels';
import { readSettings } from './settings';
import { TokenStore } from './tokenStore';
import { InspectorUriHandler } from './uriHandler';
import { ExplorerTree } from './views/explorerTree';

/** What activate() returns: used by the integration tests to look at the tree. */
export interface ExtensionApi {
  readonly tree: ExplorerTree;
  readonly panels: StatsPanels;
}

export async function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  const log = createLog();
  const tokens = new TokenStore(context.secrets);
  let client: RealtimeKitClient | undefined;
  const getClient = () => {
    client ??= new RealtimeKitClient({
      baseUrl: readSettings().apiBaseUrl,
      getToken: () => tokens.get(),
      log: (entry) => logRequest(log, entry),
    });
    return client;
  };
  const tree = new ExplorerTree(context.globalState, getClient);
  const panels = new StatsPanels(context.extensionUri);
  const services: Services = { tokens, recent: new RecentIds(context.globalState), log, panels, tree, client: getClient };

  context.subscriptions.push(
    log,
    tokens,
    tree,
    panels,
    vscode.window.registerTreeDataProvider('realtimekit.explorer', tree),
    vscode.window.registerWebviewPanelSerializer(STATS_VIEW_TYPE, panels),
    vscode.window.registerUriHandler(new InspectorUriHandler()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('realtimekit')) client = undefined;
    }),
    registerCommand(services, SET_API_TOKEN, setApiToken),
    registerCommand(services, CLEAR_API_TOKEN, clearApiToken),
    registerCommand(services, SHOW_SESSION_PARTICIPANT, showSessionParticipant),
    registerCommand(services, SHOW_PEER_REPORT, showPeerReport),
    registerCommand(services, SHOW_MEETING_PARTICIPANT, showMeetingParticipant),
    registerCommand(services, OPEN_SESSION, openSession),
    registerCommand(services, 'realtimekit.refresh', refresh),
    registerCommand(services, 'realtimekit.configure', configure),
    ...Object.entries(treeCommands(services)).map(([id, handler]) => registerCommand(services, id, (_services, node) => handler(node))),
    tokens.onDidChange((hasToken) => tree.setSignedIn(hasToken)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('realtimekit.accountId') || event.affectsConfiguration('realtimekit.appId')) {
        void updateConfiguredContext();
        tree.refreshAll();
      }
    }),
  );
  tree.setSignedIn(await tokens.refreshContext());
  await updateConfiguredContext();
  return { tree, panels };
}

function updateConfiguredContext(): Thenable<unknown> {
  const { accountId, appId } = readSettings();
  return vscode.commands.executeCommand('setContext', 'realtimekit.configured', Boolean(accountId && appId));
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}

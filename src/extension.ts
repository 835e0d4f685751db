/** Wires the extension together: state, the API client, the explorer, panels and commands. */
import * as vscode from 'vscode';
import { RealtimeKitClient } from './api/client';
import { RequestScheduler } from './api/scheduler';
import { COMMANDS } from './commands';
import { registerCommand } from './commands/support/register';
import type { Services } from './commands/support/services';
import { createLogChannel, createLogger, logRequest, type Logger } from './common/logger';
import { InspectorUriHandler } from './links/uriHandler';
import { COMPARE_VIEW_TYPE, ComparePanels } from './panels/comparePanels';
import { SESSION_VIEW_TYPE, SessionPanels } from './panels/sessionPanels';
import { STATS_VIEW_TYPE, StatsPanels } from './panels/statsPanels';
import { checkApiBaseUrl } from './state/apiBaseUrl';
import { RecentIds } from './state/recentIds';
import { autoAnalyseLimit, configuredScope, readSettings } from './state/settings';
import { TokenStore } from './state/tokenStore';
import { ExplorerStore, sessionKey } from './store/explorerStore';
import { InspectionHistory } from './store/inspectionHistory';
import { ExplorerTreeDataProvider } from './views/explorerTreeDataProvider';

/** What activate() returns: used by the integration tests to look at the tree. */
export interface ExtensionApi {
  readonly tree: ExplorerTreeDataProvider;
  readonly store: ExplorerStore;
  readonly panels: StatsPanels;
  readonly sessionPanels: SessionPanels;
  readonly comparePanels: ComparePanels;
}

export async function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  const channel = createLogChannel();
  const log = createLogger(channel);
  const tokens = new TokenStore(context.secrets);
  const scheduler = new RequestScheduler();
  let client: RealtimeKitClient | undefined;
  const getClient = () => {
    client ??= createClient(tokens, scheduler, log.child('api'));
    return client;
  };
  const store = new ExplorerStore(new InspectionHistory(context.globalState), getClient, configuredScope, log.child('store'));
  const tree = new ExplorerTreeDataProvider(store, log.child('tree'));
  const panels = new StatsPanels(context.extensionUri, log.child('panels'), (target) =>
    target.kind === 'sessionParticipant' ? sessionPanels.attributionOf(target, target.sessionId, target.participantId) : undefined,
  );
  const sessionPanels = new SessionPanels(
    context.extensionUri,
    {
      client: getClient,
      scheduler,
      autoAnalyseLimit,
      onRows: (scope, sessionId, rows) => {
        store.setVerdicts(scope, sessionId, rows);
        panels.attributionChanged(
          (target) => (target.kind === 'sessionParticipant' ? sessionKey(target, target.sessionId) : undefined),
          sessionKey(scope, sessionId),
        );
      },
    },
    log.child('overview'),
  );
  const comparePanels = new ComparePanels(
    context.extensionUri,
    {
      client: getClient,
      scheduler,
      knownStatistics: (scope, sessionId, participantId) => sessionPanels.statisticsOf(scope, sessionId, participantId),
    },
    log.child('compare'),
  );
  const services: Services = {
    tokens,
    recent: new RecentIds(context.globalState),
    log: log.child('commands'),
    panels,
    sessionPanels,
    comparePanels,
    store,
    scheduler,
    client: getClient,
  };

  context.subscriptions.push(
    channel,
    tokens,
    store,
    tree,
    panels,
    sessionPanels,
    comparePanels,
    // Several participants can be selected, to compare them.
    vscode.window.createTreeView('realtimekit.explorer', { treeDataProvider: tree, canSelectMany: true }),
    vscode.window.registerWebviewPanelSerializer(STATS_VIEW_TYPE, panels),
    vscode.window.registerWebviewPanelSerializer(SESSION_VIEW_TYPE, sessionPanels),
    vscode.window.registerWebviewPanelSerializer(COMPARE_VIEW_TYPE, comparePanels),
    vscode.window.registerUriHandler(new InspectorUriHandler(log.child('links'))),
    ...COMMANDS.map((command) => registerCommand(services, command)),
    tokens.onDidChange((hasToken) => store.setSignedIn(hasToken)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('realtimekit')) client = undefined;
      if (event.affectsConfiguration('realtimekit.accountId') || event.affectsConfiguration('realtimekit.appId')) {
        void updateConfiguredContext();
        store.clear();
      }
    }),
  );
  store.setSignedIn(await tokens.refreshContext());
  await updateConfiguredContext();
  return { tree, store, panels, sessionPanels, comparePanels };
}

/** A client for the configured API root; refuses a root the token must not be sent to. */
function createClient(tokens: TokenStore, scheduler: RequestScheduler, log: Logger): RealtimeKitClient {
  const checked = checkApiBaseUrl(readSettings().apiBaseUrl);
  if ('error' in checked) {
    log.warn(checked.error);
    throw new Error(checked.error);
  }
  // Requests to anything but the Cloudflare API say where they went: the token goes there too.
  const host = checked.isDefault ? undefined : checked.host;
  if (host) log.info(`API requests go to ${checked.url} (setting realtimekit.apiBaseUrl).`);
  return new RealtimeKitClient({
    baseUrl: checked.url,
    getToken: () => tokens.get(),
    log: (entry) => logRequest(log, entry, host),
    onResponse: (response) => scheduler.observeResponse(response),
  });
}

function updateConfiguredContext(): Thenable<unknown> {
  return vscode.commands.executeCommand('setContext', 'realtimekit.configured', configuredScope() !== undefined);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}

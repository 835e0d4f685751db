/**
 * Everything activation does not need: the API client (axios), the explorer store, the panels (analysis,
 * normalisation) and the command handlers. Bundled apart as dist/core.js; extension.ts requires it the
 * first time a command, the tree, a serializer, a link or the returned API needs it.
 */
import * as vscode from 'vscode';
import { RealtimeKitClient, type Scope } from './api/client';
import { RequestScheduler } from './api/scheduler';
import { COMMANDS } from './commands';
import type { CommandDefinition } from './commands/support/commandDefinition';
import { runCommand } from './commands/support/register';
import type { Services } from './commands/support/services';
import { COMMAND_IDS, type CommandId } from './common/commands';
import { logRequest, type Logger } from './common/logger';
import { InspectorUriHandler } from './links/uriHandler';
import { COMPARE_VIEW_TYPE, ComparePanels } from './panels/comparePanels';
import { SESSION_VIEW_TYPE, SessionPanels } from './panels/sessionPanels';
import { STATS_VIEW_TYPE, StatsPanels } from './panels/statsPanels';
import { checkApiBaseUrl } from './state/apiBaseUrl';
import { RecentIds } from './state/recentIds';
import { autoAnalyseLimit, configuredScope, readSettings } from './state/settings';
import type { TokenStore } from './state/tokenStore';
import { sessionKey } from './inspection/inspectionTarget';
import { statsWorker } from './inspection/worker/statsWorkerHost';
import { ExplorerStore } from './store/explorerStore';
import { InspectionHistory } from './store/inspectionHistory';
import { inspectForTree } from './store/treeInspection';
import { ExplorerTreeDataProvider } from './views/explorerTreeDataProvider';

/** What activation made before the core was loaded, handed in so there is one of each. */
export interface CoreBase {
  readonly log: Logger;
  readonly tokens: TokenStore;
  /** Whether a token is stored, as far as activation knows yet (it keeps the store told afterwards). */
  readonly signedIn: boolean;
  /** The view types activation registered a serializer for. */
  readonly viewTypes: readonly string[];
}

export interface Core {
  readonly tree: ExplorerTreeDataProvider;
  readonly store: ExplorerStore;
  readonly panels: StatsPanels;
  readonly sessionPanels: SessionPanels;
  readonly comparePanels: ComparePanels;
  readonly uriHandler: vscode.UriHandler;
  /** The panel collection that restores webviews of this view type after a reload. */
  serializer(viewType: string): vscode.WebviewPanelSerializer;
  /** Runs a registered command's handler; never rejects (failures are shown and resolve to undefined). */
  runCommand(id: CommandId, args: readonly unknown[]): Promise<unknown>;
  configurationChanged(event: vscode.ConfigurationChangeEvent): void;
}

export function createCore(context: vscode.ExtensionContext, base: CoreBase): Core {
  const { log, tokens, viewTypes } = base;
  const scheduler = new RequestScheduler();
  let client: RealtimeKitClient | undefined;
  const getClient = () => {
    client ??= createClient(tokens, scheduler, log.child('api'));
    return client;
  };
  const store = new ExplorerStore(
    new InspectionHistory(context.globalState),
    getClient,
    configuredScope,
    log.child('store'),
    (target, signal) => inspectForTree(getClient(), scheduler, target, signal),
  );
  store.setSignedIn(base.signedIn);
  const tree = new ExplorerTreeDataProvider(store, log.child('tree'));
  const attributionChanged = (scope: Scope, sessionId: string) =>
    panels.attributionChanged(
      (target) => (target.kind === 'sessionParticipant' ? sessionKey(target, target.sessionId) : undefined),
      sessionKey(scope, sessionId),
    );
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
        attributionChanged(scope, sessionId);
      },
      onClosed: attributionChanged,
    },
    log.child('overview'),
  );
  const comparePanels = new ComparePanels(
    context.extensionUri,
    {
      client: getClient,
      scheduler,
      knownStatistics: (scope, sessionId, participantId) => sessionPanels.statisticsOf(scope, sessionId, participantId),
      explainedByOthers: (scope, sessionId, participantId) =>
        sessionPanels.attributionOf(scope, sessionId, participantId)?.explainedByOthers === true,
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
    forgetAnswers: () => client?.http.clearCache(),
  };
  const definitions = new Map<CommandId, CommandDefinition>(COMMANDS.map((command) => [command.id, command]));
  const unhandled = COMMAND_IDS.filter((id) => !definitions.has(id));
  if (unhandled.length > 0) log.error(`Commands without a handler in src/commands/index.ts: ${unhandled.join(', ')}`);
  const serializers = new Map<string, vscode.WebviewPanelSerializer>([
    [STATS_VIEW_TYPE, panels],
    [SESSION_VIEW_TYPE, sessionPanels],
    [COMPARE_VIEW_TYPE, comparePanels],
  ]);
  const unrestored = [...serializers.keys()].filter((viewType) => !viewTypes.includes(viewType));
  if (unrestored.length > 0) log.error(`Panels not restored after a reload (no onWebviewPanel activation event): ${unrestored.join(', ')}`);

  context.subscriptions.push(store, tree, panels, sessionPanels, comparePanels);
  return {
    tree,
    store,
    panels,
    sessionPanels,
    comparePanels,
    uriHandler: new InspectorUriHandler(log.child('links')),
    serializer: (viewType) => {
      const serializer = serializers.get(viewType);
      if (!serializer) throw new Error(`No panels of view type ${viewType}`);
      return serializer;
    },
    runCommand: (id, args) => {
      const command = definitions.get(id);
      if (command) return runCommand(services, command, args);
      return Promise.reject(new Error(`${id} has no handler in src/commands/index.ts`));
    },
    configurationChanged: (event) => {
      if (event.affectsConfiguration('realtimekit')) client = undefined;
      if (event.affectsConfiguration('realtimekit.accountId') || event.affectsConfiguration('realtimekit.appId')) store.clear();
    },
  };
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
    readAlong: (encoding) => statsWorker.readAlong(encoding),
  });
}

/**
 * Activation: registers every command, the explorer tree, the webview serializers, the URI handler and
 * the configuration listener, and loads nothing heavy. The rest (API client, store, panels, analysis) is
 * dist/core.js (src/core.ts), required the first time one of those is used. Nothing here awaits I/O:
 * the context keys are set in the background.
 */
import * as vscode from 'vscode';
import { LazyTree } from './activation/lazyTree';
import { COMMAND_IDS } from './common/commands';
import { createLogChannel, createLogger, type Logger } from './common/logger';
import type { Core } from './core';
import type { ComparePanels } from './panels/comparePanels';
import type { SessionPanels } from './panels/sessionPanels';
import type { StatsPanels } from './panels/statsPanels';
import { notificationText } from './commands/support/notificationText';
import { errorMessage } from './shared/errorMessage';
import { configuredScope } from './state/settings';
import { TokenStore } from './state/tokenStore';
import type { ExplorerStore } from './store/explorerStore';
import type { ExplorerTreeDataProvider } from './views/explorerTreeDataProvider';

/** What activate() returns: used by the integration tests to look at the tree. Each property loads the core. */
export interface ExtensionApi {
  readonly tree: ExplorerTreeDataProvider;
  readonly store: ExplorerStore;
  readonly panels: StatsPanels;
  readonly sessionPanels: SessionPanels;
  readonly comparePanels: ComparePanels;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const channel = createLogChannel();
  const log = createLogger(channel);
  const tokens = new TokenStore(context.secrets);
  let signedIn = false;
  let loaded: Core | undefined;

  /** The core, required and built on first use (synchronously: require is). */
  const core = (): Core => {
    if (!loaded) {
      const started = performance.now();
      // Required at run time from dist/core.js (external in this bundle): see scripts/build.ts.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { createCore } = require('./core') as typeof import('./core');
      loaded = createCore(context, { log, tokens, signedIn, viewTypes });
      tree.attach(loaded.tree);
      log.info(`Core loaded in ${Math.round(performance.now() - started)} ms.`);
    }
    return loaded;
  };
  const setSignedIn = (hasToken: boolean) => {
    signedIn = hasToken;
    loaded?.store.setSignedIn(hasToken);
  };

  // Fire and forget: activation does not wait for SecretStorage or setContext. The tree waits for the
  // first answer before its first getChildren, so it does not show the signed-out view by mistake.
  const tokenKnown = tokens.refreshContext().then(setSignedIn, (error: unknown) => log.error('Reading the stored token', error));
  updateConfiguredContext(log);
  const tree = new LazyTree(() => core().tree, tokenKnown);

  // The panels' view types are the manifest's onWebviewPanel activation events (the panel modules, which
  // define them, are not loaded here); the core checks it has a panel collection for each.
  const viewTypes = webviewViewTypes(context);
  const serializers = viewTypes.map((viewType) =>
    vscode.window.registerWebviewPanelSerializer(viewType, {
      deserializeWebviewPanel: (panel, state) => core().serializer(viewType).deserializeWebviewPanel(panel, state),
    }),
  );

  context.subscriptions.push(
    channel,
    tokens,
    tree,
    // Several participants can be selected, to compare them.
    vscode.window.createTreeView('realtimekit.explorer', { treeDataProvider: tree, canSelectMany: true }),
    ...serializers,
    vscode.window.registerUriHandler({ handleUri: (uri) => core().uriHandler.handleUri(uri) }),
    ...COMMAND_IDS.map((id) =>
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        try {
          return await core().runCommand(id, args);
        } catch (error) {
          // Only a core that failed to load gets here: the handlers report their own failures.
          log.error(id, error);
          void vscode.window.showErrorMessage(notificationText(`RealtimeKit: ${errorMessage(error)}`));
          return undefined;
        }
      }),
    ),
    tokens.onDidChange(setSignedIn),
    vscode.workspace.onDidChangeConfiguration((event) => {
      loaded?.configurationChanged(event);
      if (event.affectsConfiguration('realtimekit.accountId') || event.affectsConfiguration('realtimekit.appId'))
        updateConfiguredContext(log);
    }),
  );
  return {
    get tree() {
      return core().tree;
    },
    get store() {
      return core().store;
    },
    get panels() {
      return core().panels;
    },
    get sessionPanels() {
      return core().sessionPanels;
    },
    get comparePanels() {
      return core().comparePanels;
    },
  };
}

/** The view types of onWebviewPanel:… in package.json's activationEvents (read from memory, no I/O). */
function webviewViewTypes(context: vscode.ExtensionContext): string[] {
  const events: unknown = (context.extension.packageJSON as { activationEvents?: unknown }).activationEvents;
  const prefix = 'onWebviewPanel:';
  return Array.isArray(events)
    ? events
        .filter((event): event is string => typeof event === 'string' && event.startsWith(prefix))
        .map((event) => event.slice(prefix.length))
    : [];
}

/** Sets realtimekit.configured in the background; a failure is logged. */
function updateConfiguredContext(log: Logger): void {
  vscode.commands
    .executeCommand('setContext', 'realtimekit.configured', configuredScope() !== undefined)
    .then(undefined, (error: unknown) => log.error('Setting the realtimekit.configured context', error));
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}

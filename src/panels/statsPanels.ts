/**
 * Hosts the realtimekit.stats webviews: one panel per participant or peer (revealed, not duplicated,
 * when asked twice). Data is posted after the webview says it is ready; show() resolves once the
 * webview reports it rendered. Panels come back after a reload from their IDs alone.
 */
import * as vscode from 'vscode';
import { isWebviewToHost, type HostToWebview } from '../shared/messages';
import { isLookedUp, lookedUpKey, reopenCommand, type LookedUp } from '../views/lookedUp';
import { exportPanel } from './exportReport';
import { analyse, toPayload, type Inspection, type PanelContent } from './panelContent';
import { createNonce, webviewShell } from './webviewHtml';

export const STATS_VIEW_TYPE = 'realtimekit.stats';
const RENDER_TIMEOUT_MS = 15_000;

interface OpenPanel {
  panel: vscode.WebviewPanel;
  item: LookedUp;
  ready: Promise<void>;
  content?: PanelContent;
  rendered?: () => void;
}

export class StatsPanels implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private readonly open = new Map<string, OpenPanel>();

  constructor(private readonly extensionUri: vscode.Uri) {}

  get count(): number {
    return this.open.size;
  }

  async show(item: LookedUp, inspection: Inspection): Promise<void> {
    const key = lookedUpKey(item);
    const name = inspection.participant.displayName ?? item.label ?? 'RealtimeKit participant';
    // A participant and its peers' reports carry the same name: the peer's tab says which peer it is.
    const title = item.kind === 'peer' ? `${name} · peer ${item.peerId.slice(0, 8)}` : name;
    let entry = this.open.get(key);
    if (entry) {
      entry.panel.title = title;
      entry.panel.reveal(undefined, false);
    } else {
      const panel = vscode.window.createWebviewPanel(STATS_VIEW_TYPE, title, vscode.ViewColumn.Active, this.webviewOptions());
      entry = this.adopt(key, item, panel, title);
    }
    await entry.ready;
    const current = entry;
    current.content = analyse(inspection);
    const rendered = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, RENDER_TIMEOUT_MS);
      current.rendered = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    await this.post(current.panel, { type: 'show', payload: toPayload(current.content, { ...item }) });
    await rendered;
  }

  /**
   * Restores a panel after a reload: the IDs come from the webview's state, the data is fetched again.
   * Returns at once: the workbench shows the webview only after this resolves, and the fetch waits for
   * the webview to be ready.
   */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const restore = (state as { restore?: unknown } | undefined)?.restore;
    panel.webview.options = this.webviewOptions();
    if (!isLookedUp(restore)) {
      panel.webview.html = this.html(panel, 'RealtimeKit');
      void this.post(panel, { type: 'error', message: 'This panel cannot be restored: open the participant again from the RealtimeKit view.' });
      return;
    }
    const entry = this.adopt(lookedUpKey(restore), restore, panel, panel.title);
    void entry.ready.then(async () => {
      await this.post(panel, { type: 'loading', title: restore.label ?? 'participant' });
      const { command, argument } = reopenCommand(restore);
      await vscode.commands.executeCommand(command, argument);
    });
  }

  dispose(): void {
    for (const entry of this.open.values()) entry.panel.dispose();
    this.open.clear();
  }

  private webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist')] };
  }

  private adopt(key: string, item: LookedUp, panel: vscode.WebviewPanel, title: string): OpenPanel {
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'realtimekit.svg');
    let markReady: () => void = () => undefined;
    const entry: OpenPanel = { panel, item, ready: new Promise<void>((resolve) => (markReady = resolve)) };
    panel.webview.onDidReceiveMessage((message: unknown) => {
      if (!isWebviewToHost(message)) return;
      switch (message.type) {
        case 'ready':
          markReady();
          // A webview hidden and shown again starts afresh (no retained context): give it the data again.
          if (entry.content) void this.post(panel, { type: 'show', payload: toPayload(entry.content, { ...item }) });
          break;
        case 'rendered':
          entry.rendered?.();
          break;
        case 'copy':
          void vscode.env.clipboard.writeText(message.text).then(() => vscode.window.setStatusBarMessage('RealtimeKit: copied', 2000));
          break;
        case 'refresh': {
          const { command, argument } = reopenCommand(item);
          void vscode.commands.executeCommand(command, argument);
          break;
        }
        case 'openPeer':
          void vscode.commands.executeCommand('realtimekit.showPeerReport', { accountId: item.accountId, appId: item.appId, peerId: message.peerId });
          break;
        case 'export':
          if (entry.content) {
            exportPanel(entry.content, message.format).catch((error: unknown) =>
              vscode.window.showErrorMessage(`RealtimeKit: export failed: ${error instanceof Error ? error.message : String(error)}`),
            );
          }
          break;
      }
    });
    panel.onDidDispose(() => {
      if (this.open.get(key) === entry) this.open.delete(key);
    });
    panel.webview.html = this.html(panel, title);
    this.open.set(key, entry);
    return entry;
  }

  private html(panel: vscode.WebviewPanel, title: string): string {
    const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
    return webviewShell({
      cspSource: panel.webview.cspSource,
      nonce: createNonce(),
      title,
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.css')).toString(),
    });
  }

  private async post(panel: vscode.WebviewPanel, message: HostToWebview): Promise<void> {
    await panel.webview.postMessage(message);
  }
}

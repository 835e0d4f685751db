/**
 * Hosts the realtimekit.stats webviews: one panel per participant or peer (revealed, not duplicated,
 * when asked twice). Data is posted after the webview says it is ready; show() resolves once the
 * webview reports it rendered.
 */
import * as vscode from 'vscode';
import { isWebviewToHost, type HostToWebview, type PanelPayload } from '../shared/messages';
import { lookedUpKey, reopenCommand, type LookedUp } from '../views/lookedUp';
import { createNonce, webviewShell } from './webviewHtml';

export const STATS_VIEW_TYPE = 'realtimekit.stats';
const RENDER_TIMEOUT_MS = 15_000;

interface OpenPanel {
  panel: vscode.WebviewPanel;
  item: LookedUp;
  ready: Promise<void>;
  rendered?: () => void;
}

export class StatsPanels implements vscode.Disposable {
  private readonly open = new Map<string, OpenPanel>();

  constructor(private readonly extensionUri: vscode.Uri) {}

  has(item: LookedUp): boolean {
    return this.open.has(lookedUpKey(item));
  }

  get count(): number {
    return this.open.size;
  }

  async show(item: LookedUp, payload: PanelPayload): Promise<void> {
    const key = lookedUpKey(item);
    const title = payload.participant.displayName ?? item.label ?? 'RealtimeKit participant';
    let entry = this.open.get(key);
    if (entry) {
      entry.panel.title = title;
      entry.panel.reveal(undefined, false);
    } else {
      entry = this.create(key, item, title);
    }
    await entry.ready;
    const current = entry;
    const rendered = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, RENDER_TIMEOUT_MS);
      current.rendered = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    await this.post(current.panel, { type: 'show', payload });
    await rendered;
  }

  dispose(): void {
    for (const entry of this.open.values()) entry.panel.dispose();
    this.open.clear();
  }

  private create(key: string, item: LookedUp, title: string): OpenPanel {
    const distUri = vscode.Uri.joinPath(this.extensionUri, 'dist');
    const panel = vscode.window.createWebviewPanel(STATS_VIEW_TYPE, title, vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [distUri],
    });
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'realtimekit.svg');
    let markReady: () => void = () => undefined;
    const entry: OpenPanel = { panel, item, ready: new Promise<void>((resolve) => (markReady = resolve)) };
    panel.webview.onDidReceiveMessage((message: unknown) => {
      if (!isWebviewToHost(message)) return;
      switch (message.type) {
        case 'ready':
          markReady();
          break;
        case 'rendered':
          entry.rendered?.();
          break;
        case 'copy':
          void vscode.env.clipboard.writeText(message.text).then(() => vscode.window.setStatusBarMessage('Copied', 2000));
          break;
        case 'refresh':
          void refreshCommand(item);
          break;
      }
    });
    panel.onDidDispose(() => this.open.delete(key));
    const nonce = createNonce();
    panel.webview.html = webviewShell({
      cspSource: panel.webview.cspSource,
      nonce,
      title,
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(distUri, 'webview.js')).toString(),
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(distUri, 'webview.css')).toString(),
    });
    this.open.set(key, entry);
    return entry;
  }

  private async post(panel: vscode.WebviewPanel, message: HostToWebview): Promise<void> {
    await panel.webview.postMessage(message);
  }
}

function refreshCommand(item: LookedUp): Thenable<unknown> {
  const { command, argument } = reopenCommand(item);
  return vscode.commands.executeCommand(command, argument);
}

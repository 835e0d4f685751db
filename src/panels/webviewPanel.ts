/** What every panel of the extension shares: its options and its document, one bundle each. */
import * as vscode from 'vscode';
import { createNonce, webviewShell } from './webviewHtml';

/** The esbuild bundles in dist/: the stats panel, the session overview, compare. */
export type WebviewBundle = 'webview' | 'session' | 'compare';

export function webviewPanelOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist')] };
}

export function webviewDocument(
  panel: vscode.WebviewPanel,
  extensionUri: vscode.Uri,
  bundle: WebviewBundle,
  title: string,
  imageOrigin?: string,
): string {
  const dist = vscode.Uri.joinPath(extensionUri, 'dist');
  return webviewShell({
    cspSource: panel.webview.cspSource,
    nonce: createNonce(),
    title,
    imageOrigin,
    scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, `${bundle}.js`)).toString(),
    styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, `${bundle}.css`)).toString(),
  });
}

/**
 * Posts to the panel's webview; false when it did not take the message. VS Code throws ("Webview is
 * disposed") once the panel is closed, which a panel closed while its data loads must not turn into an
 * error or an unhandled rejection: nobody is left to show it to.
 */
export async function postToWebview(panel: vscode.WebviewPanel, message: unknown): Promise<boolean> {
  try {
    return await panel.webview.postMessage(message);
  } catch {
    return false;
  }
}

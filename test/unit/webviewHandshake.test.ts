import { strict as assert } from 'node:assert';
import type * as vscode from 'vscode';
import { WebviewHandshake } from '../../src/panels/webviewHandshake';

/** Just enough of a WebviewPanel: the handshake only listens for its disposal. */
function fakePanel(): { panel: vscode.WebviewPanel; dispose(): void } {
  const listeners: Array<() => void> = [];
  const panel = {
    onDidDispose: (listener: () => void) => (listeners.push(listener), { dispose() {} }),
    onDidChangeViewState: () => ({ dispose() {} }),
  } as unknown as vscode.WebviewPanel;
  return { panel, dispose: () => listeners.forEach((listener) => listener()) };
}

describe('the webview ready/rendered handshake', () => {
  it('resolves when the panel is closed before the webview is ready (it used to wait forever)', async () => {
    const { panel, dispose } = fakePanel();
    const handshake = new WebviewHandshake(panel);
    const waiting = handshake.whenReady(60_000);
    dispose();
    assert.equal(await waiting, 'disposed');
    assert.equal(await handshake.nextRender(), 'disposed');
  });

  it('gives up after its bound when the script never says ready', async () => {
    const handshake = new WebviewHandshake(fakePanel().panel);
    assert.equal(await handshake.whenReady(20), 'timeout');
  });

  it('resolves at once once ready, and waits for the next render', async () => {
    const handshake = new WebviewHandshake(fakePanel().panel);
    const ready = handshake.whenReady(1_000);
    handshake.markReady();
    assert.equal(await ready, 'done');
    assert.equal(await handshake.whenReady(1_000), 'done');
    const rendered = handshake.nextRender(1_000);
    handshake.markRendered();
    assert.equal(await rendered, 'done');
  });
});

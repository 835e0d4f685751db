import { strict as assert } from 'node:assert';
import type * as vscode from 'vscode';
import { WebviewHandshake } from '../../src/panels/webviewHandshake';

/** Just enough of a WebviewPanel: the handshake listens for its disposal and its being hidden and shown. */
function fakePanel(retainContextWhenHidden = false): { panel: vscode.WebviewPanel; dispose(): void; setVisible(visible: boolean): void } {
  const listeners: Array<() => void> = [];
  const viewStateListeners: Array<() => void> = [];
  const panel = {
    visible: true,
    options: { retainContextWhenHidden },
    onDidDispose: (listener: () => void) => (listeners.push(listener), { dispose() {} }),
    onDidChangeViewState: (listener: () => void) => (viewStateListeners.push(listener), { dispose() {} }),
  } as { visible: boolean };
  return {
    panel: panel as unknown as vscode.WebviewPanel,
    dispose: () => listeners.forEach((listener) => listener()),
    setVisible: (visible: boolean) => {
      panel.visible = visible;
      viewStateListeners.forEach((listener) => listener());
    },
  };
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
    assert.equal(handshake.markReady(), true, 'someone waited for this ready');
    assert.equal(await ready, 'done');
    assert.equal(await handshake.whenReady(1_000), 'done');
    const rendered = handshake.nextRender(1_000);
    handshake.markRendered();
    assert.equal(await rendered, 'done');
  });

  it('says whether a show was waiting for "ready", so the data is posted once, not twice', async () => {
    const handshake = new WebviewHandshake(fakePanel().panel);
    assert.equal(handshake.markReady(), false, 'a webview ready before any show: its host posts what it has');
    const late = new WebviewHandshake(fakePanel().panel);
    assert.equal(await late.whenReady(20), 'timeout');
    assert.equal(late.markReady(), false, 'a show that gave up waiting posts nothing: the host does, when it comes');
    const awaited = new WebviewHandshake(fakePanel().panel);
    const showing = awaited.whenReady(1_000);
    assert.equal(awaited.markReady(), true);
    assert.equal(await showing, 'done');
    assert.equal(awaited.markReady(), false, 'started again (hidden, shown): nobody waits, the host posts');
  });

  it('is not ready once its document is replaced, until the new one says so', async () => {
    const handshake = new WebviewHandshake(fakePanel().panel);
    handshake.markReady();
    assert.equal(handshake.ready, true);
    const before = Date.now();
    handshake.documentReplaced();
    assert.equal(handshake.ready, false);
    assert.ok((handshake.documentStartedAt ?? 0) >= before, 'its new document began then');
    const waiting = handshake.whenReady(1_000);
    assert.equal(handshake.markReady(), true);
    assert.equal(await waiting, 'done');
    assert.equal(handshake.ready, true);
  });

  it('is not ready while hidden, as its webview is torn down, and starts its document again when shown', () => {
    const fake = fakePanel();
    const handshake = new WebviewHandshake(fake.panel);
    handshake.markReady();
    fake.setVisible(false);
    assert.equal(handshake.ready, false);
    assert.equal(handshake.documentStartedAt, undefined);
    const before = Date.now();
    fake.setVisible(true);
    assert.equal(handshake.ready, false, 'not until the new document says "ready"');
    assert.ok((handshake.documentStartedAt ?? 0) >= before);
  });

  it('stays ready while hidden when the panel retains its context (the session overview): it is never started again', () => {
    const fake = fakePanel(true);
    const handshake = new WebviewHandshake(fake.panel);
    handshake.documentReplaced();
    handshake.markReady();
    const began = handshake.documentStartedAt;
    assert.ok(began !== undefined);
    fake.setVisible(false);
    assert.equal(handshake.ready, true, 'what is posted while hidden is received');
    fake.setVisible(true);
    assert.equal(handshake.ready, true);
    assert.equal(handshake.documentStartedAt, began);
  });
});

import { strict as assert } from 'node:assert';
import { isWebviewToHost } from '../../src/shared/messages';
import { peerIndexOf } from '../../src/shared/peerIndex';

describe('the peer shown, across new data', () => {
  const peers = (...ids: string[]) => ids.map((peerId) => ({ peerId }));

  it('follows the peer by its ID when a Refresh left an earlier one out', () => {
    assert.equal(peerIndexOf(peers('a', 'c'), 'c', 2), 1);
    assert.equal(peerIndexOf(peers('a', 'b', 'c'), 'b', 1), 1);
  });

  it('keeps the place, within the peers there are, when the peer is gone or has no ID', () => {
    assert.equal(peerIndexOf(peers('a', 'c'), 'b', 1), 1);
    assert.equal(peerIndexOf(peers('a'), 'b', 2), 0);
    assert.equal(peerIndexOf(peers('a', 'b'), undefined, 1), 1);
    assert.equal(peerIndexOf([], 'b', 3), 0);
  });

  it("checks the webview's peerShown message, its peer ID optional", () => {
    assert.equal(isWebviewToHost({ type: 'peerShown', peer: 1, peerId: 'b' }), true);
    assert.equal(isWebviewToHost({ type: 'peerShown', peer: 1 }), true);
    assert.equal(isWebviewToHost({ type: 'peerShown', peer: 1, peerId: 7 }), false);
    assert.equal(isWebviewToHost({ type: 'peerShown', peer: -1, peerId: 'b' }), false);
  });
});

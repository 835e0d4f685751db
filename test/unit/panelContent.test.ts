import { strict as assert } from 'node:assert';
import type { AnalysedInspection } from '../../src/inspection/inspection';
import { rawJsonMessage, rawJsonText, toPayload } from '../../src/panels/panelContent';
import { isWebviewToHost } from '../../src/shared/messages';

function content(raw: unknown): AnalysedInspection {
  return {
    participant: { kind: 'peer', id: 'p1', peers: [], peerEvents: [], peerStats: [], generations: [], absent: [] },
    raw,
    fetchedAt: '2026-11-20T09:00:00.000Z',
    issues: [],
    verdict: { level: 'unknown', line: 'no data' },
  };
}

describe('the stats panel payload and its raw JSON', () => {
  it('leaves the raw answer out of the payload: it crosses only when Raw JSON is opened', () => {
    const payload = toPayload(content({ huge: 'x'.repeat(1000) }), {
      kind: 'peer',
      peerId: 'peer-1',
      accountId: 'a'.repeat(32),
      appId: 'app',
    });
    assert.equal('raw' in payload, false);
    assert.equal(JSON.stringify(payload).includes('xxxx'), false);
  });

  it('pretty-prints the answer once per inspection and sends all of a small one', () => {
    const analysed = content({ a: [1, 2], b: { c: 'd' } });
    const text = rawJsonText(analysed);
    assert.equal(text, JSON.stringify(analysed.raw, null, 2));
    assert.equal(rawJsonText(analysed), text, 'the same string, cached');
    assert.deepEqual(rawJsonMessage(analysed), { type: 'rawJson', fetchedAt: analysed.fetchedAt, text, totalChars: text.length });
  });

  it('sends the start of a huge answer, cut at a line end, with its full length', () => {
    const analysed = content({ rows: Array.from({ length: 200 }, (_, i) => ({ i, value: 'v'.repeat(20) })) });
    const full = rawJsonText(analysed);
    const message = rawJsonMessage(analysed, 500);
    assert.ok(message.text.length <= 500 && message.text.length > 400, `${message.text.length}`);
    assert.ok(full.startsWith(message.text));
    assert.equal(full[message.text.length], '\n', 'cut before a line break');
    assert.equal(message.totalChars, full.length);
  });

  it('accepts the raw JSON requests from the webview and refuses malformed messages', () => {
    assert.ok(isWebviewToHost({ type: 'rawJson' }));
    assert.ok(isWebviewToHost({ type: 'copyRawJson' }));
    assert.ok(!isWebviewToHost({ type: 'rawJSON' }));
    assert.ok(!isWebviewToHost({ type: 'copy' }), 'copy needs its text');
    assert.ok(!isWebviewToHost('rawJson'));
    assert.ok(!isWebviewToHost(null));
  });
});

import { strict as assert } from 'node:assert';
import type { AnalysedInspection } from '../../src/inspection/inspection';
import { columnsMessage, rawJsonMessage, rawJsonText, toPayload } from '../../src/panels/panelContent';
import { isWebviewToHost } from '../../src/shared/messages';
import type { PeerStats } from '../../src/shared/model';
import type { InspectionTarget } from '../../src/inspection/inspectionTarget';
import { sampleColumns } from '../fixtures/sampleColumns';

function content(raw: unknown, peerStats: PeerStats[] = []): AnalysedInspection {
  return {
    participant: { kind: 'peer', id: 'p1', peers: [], peerEvents: [], peerStats, generations: [], absent: [] },
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

  describe('the first paint of a participant with several peers', () => {
    const t0 = Date.parse('2026-11-20T09:00:00Z');
    const peer = (peerId: string, samples: number): PeerStats => ({
      peerId,
      events: [],
      tracks: [
        {
          kind: 'audio',
          direction: 'producer',
          summary: {},
          ...sampleColumns(Array.from({ length: samples }, (_, i) => ({ t: t0 + i * 1000, mos: 4 + Math.sin(i) / 2, jitterMs: i % 30 }))),
        },
      ],
    });
    const target: InspectionTarget = { kind: 'peer', peerId: 'peer-1', accountId: 'a'.repeat(32), appId: 'app' };
    /** Every typed array in the message, as VS Code's webview serialiser collects them, and the buffers it sends whole. */
    const buffersOf = (value: unknown, found = new Set<ArrayBufferLike>()): Set<ArrayBufferLike> => {
      if (ArrayBuffer.isView(value)) found.add(value.buffer);
      else if (value && typeof value === 'object') for (const item of Object.values(value)) buffersOf(item, found);
      return found;
    };

    it("carries the shown peer's preview alone; the other peers' tracks follow in the columns message", () => {
      const analysed = content({}, [peer('peer-a', 20_000), peer('peer-b', 20_000), peer('peer-c', 20_000)]);
      const payload = toPayload(analysed, target, { shownPeer: 1 });
      const [a, b, c] = payload.participant.peerStats;
      assert.equal(b.tracks.length, 1);
      assert.ok(b.tracks[0].columns.t.length <= 4_000, `a preview: ${b.tracks[0].columns.t.length} samples`);
      assert.equal(b.tracksFollow, undefined);
      for (const other of [a, c]) {
        assert.deepEqual(other.tracks, []);
        assert.equal(other.tracksFollow, true);
      }
      assert.deepEqual(
        payload.participant.peerStats.map((shown) => shown.peerId),
        ['peer-a', 'peer-b', 'peer-c'],
        'every peer is named, for the switcher',
      );
      const buffers = [...buffersOf(payload)];
      assert.equal(buffers.length, 1, 'one buffer crosses');
      assert.equal(buffers[0], b.tracks[0].columns.t.buffer, "the shown peer's, and no other");
      const columns = columnsMessage(analysed);
      assert.deepEqual(
        columns?.peerStats.map((full) => full.tracks[0].columns.t.length),
        [20_000, 20_000, 20_000],
        'every sample of every peer follows',
      );
    });

    it('marks only peers with tracks as following: a peer without samples says so at once', () => {
      const silent: PeerStats = { peerId: 'peer-silent', events: [], tracks: [] };
      const payload = toPayload(content({}, [peer('peer-a', 20_000), silent]), target, { shownPeer: 0 });
      assert.deepEqual(payload.participant.peerStats[1].tracks, []);
      assert.equal(payload.participant.peerStats[1].tracksFollow, undefined);
    });

    it('shows the first peer until the webview says, and the last for an index past the end', () => {
      const analysed = content({}, [peer('peer-a', 5_000), peer('peer-b', 5_000)]);
      const withTracks = (shownPeer?: number) =>
        toPayload(analysed, target, { shownPeer }).participant.peerStats.map((shown) => shown.tracks.length);
      assert.deepEqual(withTracks(undefined), [1, 0]);
      assert.deepEqual(withTracks(7), [0, 1]);
    });

    it('sends every peer whole at once when no track is long enough to preview', () => {
      const analysed = content({}, [peer('peer-a', 300), peer('peer-b', 300)]);
      const payload = toPayload(analysed, target, { shownPeer: 1 });
      assert.deepEqual(
        payload.participant.peerStats.map((shown) => [shown.tracks[0].columns.t.length, shown.tracksFollow]),
        [
          [300, undefined],
          [300, undefined],
        ],
      );
      assert.equal(columnsMessage(analysed), undefined, 'nothing follows');
    });
  });

  it('accepts the raw JSON requests from the webview and refuses malformed messages', () => {
    assert.ok(isWebviewToHost({ type: 'rawJson' }));
    assert.ok(isWebviewToHost({ type: 'copyRawJson' }));
    assert.ok(!isWebviewToHost({ type: 'rawJSON' }));
    assert.ok(!isWebviewToHost({ type: 'copy' }), 'copy needs its text');
    assert.ok(!isWebviewToHost('rawJson'));
    assert.ok(!isWebviewToHost(null));
  });

  it('accepts the peer shown only as an index', () => {
    assert.ok(isWebviewToHost({ type: 'peerShown', peer: 2 }));
    for (const peer of [-1, 1.5, '2', Number.NaN, undefined, 2 ** 60])
      assert.ok(!isWebviewToHost({ type: 'peerShown', peer }), String(peer));
  });
});

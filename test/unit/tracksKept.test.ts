import { strict as assert } from 'node:assert';
import type { PanelPayload } from '../../src/shared/messages';
import type { WirePeerStats } from '../../src/shared/wire';
import { withTracksKept } from '../../src/webview/tracksKept';

function peer(peerId: string | undefined, samples: number, follows = false): WirePeerStats {
  const t = Float64Array.from({ length: samples }, (_, i) => i * 1000);
  return {
    peerId,
    events: [],
    tracks: follows ? [] : [{ kind: 'audio', direction: 'producer', summary: {}, columns: { t } }],
    percentiles: follows ? [] : [{ track: `${peerId} audio`, metric: 'rtt', unit: 'ms', count: samples, p50: 1, p75: 2, p90: 3 }],
    ...(follows ? { tracksFollow: true as const } : {}),
  };
}

function payload(fetchedAt: string, peerStats: WirePeerStats[]): PanelPayload {
  return {
    participant: { kind: 'sessionParticipant', id: 'p1', peers: [], peerEvents: [], peerStats, generations: [], absent: [] },
    issues: [],
    verdict: { level: 'good', line: 'fine' },
    precallLimits: {} as PanelPayload['precallLimits'],
    fetchedAt,
    restore: {},
  };
}

describe('a stats panel keeping tracks while new ones follow', () => {
  it('keeps, by peer ID, the tracks a peer had until its new ones come; the peer the first paint carries is new', () => {
    const before = payload('2026-12-06T09:00:00Z', [peer('a', 100), peer('b', 100)]);
    // A Refresh: the host believed peer a shown, so b's tracks follow; the peers also come in another order.
    const next = payload('2026-12-06T09:05:00Z', [peer('b', 0, true), peer('a', 120)]);
    const shown = withTracksKept(next, before);
    const [b, a] = shown.participant.peerStats;
    assert.equal(b.tracksFollow, undefined);
    assert.equal(b.tracks, before.participant.peerStats[1].tracks, "b's tracks as they were");
    assert.equal(b.percentiles, before.participant.peerStats[1].percentiles);
    assert.equal(a, next.participant.peerStats[1], 'a as it came');
    assert.equal(shown.fetchedAt, next.fetchedAt, 'the rest of the payload is the new one');
    assert.equal(next.participant.peerStats[0].tracksFollow, true, 'the payload given is left as it was');
  });

  it('leaves a peer loading when it had no tracks before, or no ID to know it by, and a payload with nothing following as it is', () => {
    const before = payload('2026-12-06T09:00:00Z', [peer('a', 100), peer('b', 0, true), peer(undefined, 100)]);
    const next = payload('2026-12-06T09:05:00Z', [peer('a', 120), peer('b', 0, true), peer(undefined, 0, true), peer('c', 0, true)]);
    const shown = withTracksKept(next, before);
    assert.deepEqual(
      shown.participant.peerStats.map((p) => p.tracksFollow === true),
      [false, true, true, true],
    );
    const whole = payload('2026-12-06T09:05:00Z', [peer('a', 120), peer('b', 120)]);
    assert.equal(withTracksKept(whole, before), whole);
  });
});

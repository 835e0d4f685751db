/** The attribution digest: what crosses from the stats worker instead of the samples. */
import { strict as assert } from 'node:assert';
import { digestPeers, measuredDuring, windowsOf } from '../../src/sessionAnalysis/attributionDigest';
import { PROBLEM_RULES, problemWindows } from '../../src/sessionAnalysis/problemWindows';
import type { QualityTrack } from '../../src/shared/model';
import { sampleColumns } from '../fixtures/sampleColumns';

const loss = PROBLEM_RULES.find((rule) => rule.rule === 'sustained-packet-loss')!;
const fps = PROBLEM_RULES.find((rule) => rule.rule === 'fps-drop')!;

/** Samples every second from 0 to 59 s, loss measured only in [10, 20) s and [40, 50) s, lossy in [40, 50) s. */
function track(direction: QualityTrack['direction']): QualityTrack {
  const samples = Array.from({ length: 60 }, (_, i) => ({
    t: i * 1_000,
    mos: 4.2,
    ...((i >= 10 && i < 20) || (i >= 40 && i < 50) ? { lossPct: i >= 40 ? 15 : 0 } : {}),
  }));
  return { kind: 'audio', direction, ...sampleColumns(samples), summary: {} };
}

describe('attribution digest', () => {
  it('keeps every problem window of a current-generation track, and none of the older generation', () => {
    const sender = track('producer');
    const [current] = digestPeers([{ peerId: 'p', events: [], tracks: [sender], generation: 'current' }]);
    assert.deepEqual(windowsOf(current.tracks[0], loss), problemWindows(sender, loss));
    assert.equal(windowsOf(current.tracks[0], loss).length, 1);
    const [legacy] = digestPeers([{ peerId: 'p', events: [], tracks: [sender], generation: 'legacy' }]);
    assert.deepEqual(windowsOf(legacy.tracks[0], loss), []);
    assert.equal(legacy.tracks[0].measured, undefined);
  });

  it('tells a silent send side from a measured one, at the window edges too', () => {
    const digest = digestPeers([{ peerId: 'p', events: [], tracks: [track('producer')], generation: 'current' }])[0].tracks[0];
    assert.equal(measuredDuring(digest, loss, { from: 20_000, end: 40_000 }), false, 'nothing measured in [20, 40) s');
    assert.equal(measuredDuring(digest, loss, { from: 19_000, end: 19_500 }), true, 'the last measured sample');
    assert.equal(measuredDuring(digest, loss, { from: 20_500, end: 40_001 }), true, 'the first sample of the next stretch');
    assert.equal(measuredDuring(digest, loss, { from: 60_000, end: 90_000 }), false, 'after the last sample');
    assert.equal(measuredDuring(digest, fps, { from: 0, end: 60_000 }), false, 'an audio track never measures fps');
  });

  it('keeps no send-side times for a receiving track', () => {
    const [peer] = digestPeers([{ peerId: 'p', events: [], tracks: [track('consumer')], generation: 'current' }]);
    assert.equal(peer.tracks[0].measured, undefined);
    assert.equal(measuredDuring(peer.tracks[0], loss, { from: 0, end: 60_000 }), false);
  });
});

/** Normalisation stays linear: 100,000 quality rows of each answer shape are read well within a bound. */
import { strict as assert } from 'node:assert';
import { normalizeParticipant } from '../../src/api/normalize';

const ROWS = 100_000;
/** Linear code takes well under a second here; the quadratic grouping and counter rescans took minutes. */
const BOUND_MS = 5_000;
const t0 = Date.parse('2026-11-20T09:00:00Z');
const at = (second: number) => new Date(t0 + second * 1000).toISOString();

/** Running totals, the costlier path: every counter becomes a per-interval delta. */
const counters = (n: number, direction: 'sent' | 'received') => ({
  [`packets_${direction}`]: (n + 1) * 250,
  packets_lost: n,
  [`bytes_${direction}`]: (n + 1) * 62_500,
});

const SHAPES: Record<string, () => unknown> = {
  'current consumer rows from one sender': () => ({
    participant: {
      peer_report: {
        metadata: {},
        quality: {
          video_consumer: Array.from({ length: ROWS }, (_, i) => ({
            timestamp: at(i),
            peer_id: 'peer-a',
            producer_id: 'prod-a',
            mos_quality: 4,
            ...counters(i, 'received'),
          })),
        },
      },
    },
  }),
  'current consumer rows from 4 senders without producer IDs': () => ({
    participant: {
      peer_report: {
        metadata: {},
        quality: {
          audio_consumer: Array.from({ length: ROWS }, (_, i) => ({
            timestamp: at(Math.floor(i / 4)),
            peer_id: `peer-${i % 4}`,
            ...counters(Math.floor(i / 4), 'received'),
          })),
        },
      },
    },
  }),
  'current producer rows': () => ({
    participant: {
      peer_report: {
        metadata: {},
        quality: {
          video_producer: Array.from({ length: ROWS }, (_, i) => ({
            timestamp: at(i),
            producer_id: 'prod-self',
            frame_height: 720,
            ...counters(i, 'sent'),
          })),
        },
      },
    },
  }),
  'legacy quality_stats rows': () => ({
    participant: {
      quality_stats: [
        {
          peer_id: 'peer-a',
          audio_stats: Array.from({ length: ROWS }, (_, i) => ({ timestamp: at(i), quality: 4, ...counters(i, 'received') })),
        },
      ],
    },
  }),
};

describe('normalising 100,000 quality rows', function () {
  this.timeout(30_000);

  for (const [shape, build] of Object.entries(SHAPES)) {
    it(`${shape} within ${BOUND_MS / 1000} s`, () => {
      const data = build();
      const started = performance.now();
      const model = normalizeParticipant('peer', data);
      const elapsed = performance.now() - started;
      const samples = model.peerStats.flatMap((peer) => peer.tracks).reduce((sum, track) => sum + track.columns.t.length, 0);
      assert.equal(samples, ROWS, 'every row became a sample');
      const track = model.peerStats[0].tracks[0];
      // 1 packet lost of 251 in the second interval, not 1 of 500 in all.
      assert.equal(track.columns.lossPct?.[1], Math.round((1 / 251) * 10_000) / 100, 'running totals became per-interval counts');
      assert.ok(elapsed < BOUND_MS, `took ${Math.round(elapsed)} ms`);
    });
  }
});

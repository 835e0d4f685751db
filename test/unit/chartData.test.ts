import { strict as assert } from 'node:assert';
import type { QualityTrack } from '../../src/shared/model';
import { percentileRows, type WireTrack } from '../../src/shared/wire';
import { trackLabel } from '../../src/shared/metrics';
import { buildCharts, decimate } from '../../src/webview/charts/chartData';
import { timelineEvents, timelineModel } from '../../src/webview/charts/timelineData';
import { wireColumns, type Sample } from '../fixtures/sampleColumns';

const t0 = Date.parse('2026-11-20T09:00:00Z');

function track(kind: QualityTrack['kind'], direction: QualityTrack['direction'], samples: Sample[]): WireTrack {
  return { kind, direction, columns: wireColumns(samples), summary: {} };
}

describe('chart data', () => {
  it('makes one chart per metric present, one series per track, on a merged time axis', () => {
    const audio = track('audio', 'producer', [
      { t: t0, mos: 4.4, jitterMs: 3 },
      { t: t0 + 5_000, mos: 4.1, jitterMs: 40 },
    ]);
    const video = track('video', 'consumer', [
      { t: t0 + 2_500, fps: 30, height: 720, jitterMs: 5 },
      { t: t0 + 5_000, fps: 12, height: 360 },
    ]);
    const charts = buildCharts([audio, video]);
    assert.deepEqual(
      charts.map((chart) => chart.metric.id),
      ['mos', 'jitter', 'fps', 'height'],
    );
    const jitter = charts.find((chart) => chart.metric.id === 'jitter')!;
    assert.deepEqual(Array.from(jitter.x), [t0 / 1000, t0 / 1000 + 2.5, t0 / 1000 + 5]);
    assert.deepEqual(
      jitter.series.map((series) => Array.from(series.values)),
      [
        [3, NaN, 40],
        [NaN, 5, NaN],
      ],
    );
    assert.deepEqual(
      jitter.series.map((series) => series.trackIndex),
      [0, 1],
    );
    assert.equal(charts[0].metric.range?.[1], 5, 'MOS keeps its 1..5 scale');
  });

  it('labels tracks by kind, direction and remote peer', () => {
    assert.equal(trackLabel(track('audio', 'producer', [])), 'audio sent');
    assert.equal(trackLabel({ ...track('video', 'consumer', []), remotePeerId: 'abcdef0123' }), 'video received from abcdef01');
    assert.equal(trackLabel(track('screenshare_video', 'unknown', [])), 'screenshare video');
  });

  it('computes nearest-rank percentiles per series', () => {
    const samples = Array.from({ length: 100 }, (_, i) => ({ t: t0 + i * 1000, rttMs: i + 1 }));
    // A sample without RTT among them: the ranks count only the values there are.
    const withGap = [...samples, { t: t0 + 500 }].sort((a, b) => a.t - b.t);
    const [row] = percentileRows([{ kind: 'audio', direction: 'producer', summary: {}, columns: wireColumns(withGap) }]);
    assert.deepEqual([row.p50, row.p75, row.p90, row.count], [50, 75, 90, 100]);
  });

  it('shares one axis without merging when tracks were sampled together, and sorts an unsorted track', () => {
    const a = track('audio', 'producer', [
      { t: t0, mos: 4 },
      { t: t0 + 1000, mos: 3 },
    ]);
    const b = track('audio', 'consumer', [
      { t: t0 + 1000, mos: 2 },
      { t: t0, mos: 1 },
    ]);
    const [chart] = buildCharts([a, b]);
    assert.deepEqual(Array.from(chart.x), [t0 / 1000, t0 / 1000 + 1]);
    assert.deepEqual(Array.from(chart.series[1].values), [1, 2]);
  });

  it('draws nothing for tracks without values', () => {
    assert.deepEqual(buildCharts([track('audio', 'producer', [{ t: t0 }])]), []);
  });
});

describe('decimation', () => {
  const many = Array.from({ length: 10_000 }, (_, i) => ({
    t: t0 + i * 1000,
    jitterMs: i === 5_000 ? 900 : i === 7_000 ? -1 : i % 10,
    mos: i % 3 === 0 ? undefined : 4,
  }));
  const [mos, jitter] = buildCharts([track('audio', 'producer', many)]);

  it('keeps at most two points per bucket and every spike and dip', () => {
    const [x, values] = decimate(jitter, jitter.x[0], jitter.x[jitter.x.length - 1], 200);
    assert.ok(x.length <= 2 * 201, `${x.length} points`);
    assert.ok(values.includes(900), 'the spike survives');
    assert.ok(values.includes(-1), 'the dip survives');
    assert.deepEqual(
      [...x].sort((a, b) => a - b),
      x,
      'time stays ascending',
    );
  });

  it('returns the raw points, NaN as gaps, when they fit, and only the zoomed range plus one either side', () => {
    const from = jitter.x[100];
    const [x, values] = decimate(jitter, from, jitter.x[150], 200);
    assert.equal(x.length, 52);
    assert.equal(x[1], from);
    assert.equal(values.length, 52);
    const [, mosValues] = decimate(mos, mos.x[0], mos.x[5], 200);
    assert.deepEqual(mosValues, [null, 4, 4, null, 4, 4]);
  });
});

describe('events timeline', () => {
  it('puts peer events, SDK events, device changes and issues on one axis, in lanes', () => {
    const events = timelineEvents(
      [
        { name: 'PEER_JOINING', at: '2026-11-20T09:00:01Z', peerId: 'p1' },
        // Another peer's: on its own charts, not on these.
        { name: 'PEER_JOINING', at: '2026-11-20T15:00:00Z', peerId: 'p2' },
      ],
      {
        peerId: 'p1',
        events: [{ name: 'audio_mute', at: '2026-11-20T09:00:03Z' }],
        device: { deviceChanges: [{ at: '2026-11-20T09:00:02Z', change: 'selected', kind: 'audioinput', label: 'USB mic' }] },
      },
      [
        {
          rule: 'x',
          severity: 'warning',
          title: 'High jitter',
          evidence: 'e',
          explanation: 'x',
          peerId: 'p1',
          from: t0 + 4_000,
          to: t0 + 9_000,
        },
      ],
    );
    assert.deepEqual(
      events.map((event) => event.lane),
      ['Peer events', 'Device changes', 'SDK events', 'Issues'],
    );
    const model = timelineModel(events);
    assert.equal(model.x.length, 4);
    assert.deepEqual(
      model.series.map((series) => series.lane),
      ['Issues', 'Device changes', 'SDK events', 'Peer events'],
    );
    assert.equal(model.series[3].names[0], 'PEER_JOINING');
  });
});

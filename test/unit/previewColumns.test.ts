import { strict as assert } from 'node:assert';
import { buildCharts, decimate } from '../../src/webview/charts/chartData';
import type { WireParticipant } from '../../src/shared/wire';
import { previewColumns, previewParticipant } from '../../src/shared/previewColumns';
import type { TrackColumns } from '../../src/shared/wire';

const T0 = Date.parse('2026-11-20T09:00:00Z');

/** `count` samples a second apart; loss a slow wave with one spike, MOS with a gap of NaN. */
function track(count: number): TrackColumns {
  const t = Float64Array.from({ length: count }, (_, i) => T0 + i * 1000);
  const lossPct = Float32Array.from({ length: count }, (_, i) => (i === 12_345 ? 97 : 2 + Math.sin(i / 50)));
  const mos = Float32Array.from({ length: count }, (_, i) => (i >= 5_000 && i < 5_100 ? Number.NaN : 4 - Math.cos(i / 70) / 2));
  return { t, lossPct, mos };
}

function participant(columns: TrackColumns[]): WireParticipant {
  return {
    kind: 'peer',
    id: 'p',
    peers: [],
    peerEvents: [],
    generations: ['current'],
    absent: [],
    peerStats: [
      {
        peerId: 'peer',
        events: [],
        percentiles: [],
        tracks: columns.map((c, i) => ({ kind: i ? 'video' : 'audio', direction: 'producer', summary: {}, columns: c })),
      },
    ],
  } as unknown as WireParticipant;
}

describe('first-paint previews of long tracks', () => {
  it('leaves a track of up to two samples a bucket as it is', () => {
    const short = track(400);
    assert.equal(previewColumns(short, 200), short);
    const whole = participant([short]);
    assert.equal(previewParticipant(whole, 200), whole, 'nothing long: the same participant');
  });

  it('keeps at most two samples a bucket, the first and last moments, and every extreme', () => {
    const full = track(20_000);
    const preview = previewColumns(full, 2_000);
    assert.ok(preview.t.length <= 4_000, `${preview.t.length} samples`);
    assert.ok(preview.t.length >= 3_000, 'every bucket that has samples has two');
    for (let i = 1; i < preview.t.length; i++) assert.ok(preview.t[i] > preview.t[i - 1], 'times ascend');
    assert.equal(preview.t[0], full.t[0]);
    assert.equal(preview.t[preview.t.length - 1], full.t[full.t.length - 1]);
    assert.equal(Math.max(...preview.lossPct!), 97, 'the one-sample spike survives');
    const finite = (values: Float32Array) => [...values].filter((value) => !Number.isNaN(value));
    assert.equal(Math.min(...finite(preview.mos!)), Math.min(...finite(full.mos!)));
    assert.equal(Math.max(...finite(preview.mos!)), Math.max(...finite(full.mos!)));
    assert.ok(
      [...preview.mos!].some((value) => Number.isNaN(value)),
      'a span with no MOS at all stays a gap',
    );
    assert.deepEqual(Object.keys(preview).sort(), ['lossPct', 'mos', 't'], 'the metrics the track reports, no others');
  });

  it('draws the whole call as the full columns do', () => {
    const full = track(20_000);
    const preview = previewColumns(full, 2_000);
    const wire = (columns: TrackColumns) => [{ kind: 'audio', direction: 'producer', summary: {}, columns }] as never;
    const [fullLoss] = buildCharts(wire(full)).filter((chart) => chart.metric.key === 'lossPct');
    const [previewLoss] = buildCharts(wire(preview)).filter((chart) => chart.metric.key === 'lossPct');
    // A panel of 1,200 pixel columns: each keeps a minimum and a maximum.
    const buckets = 1_200;
    const [, fromFull] = decimate(fullLoss, fullLoss.x[0], fullLoss.x[fullLoss.x.length - 1], buckets);
    const [, fromPreview] = decimate(previewLoss, previewLoss.x[0], previewLoss.x[previewLoss.x.length - 1], buckets);
    const range = (values: (number | null)[]) => [Math.min(...(values as number[])), Math.max(...(values as number[]))];
    assert.deepEqual(range(fromPreview), range(fromFull));
    assert.ok(Math.abs(fromPreview.length - fromFull.length) <= 2, `${fromPreview.length} points against ${fromFull.length}`);
  });

  it('cuts only the long tracks of a participant', () => {
    const long = track(20_000);
    const short = track(300);
    const cut = previewParticipant(participant([long, short]));
    const [first, second] = cut.peerStats[0].tracks;
    assert.ok(first.columns.t.length <= 4_000);
    assert.equal(second.columns, short);
  });
});

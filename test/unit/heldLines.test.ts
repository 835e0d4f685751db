import { strict as assert } from 'node:assert';
import { heldLinesSource, heldWindow, type HeldLine } from '../../src/webview/charts/heldLines';
import { plotSource } from '../../src/webview/charts/chartData';
import type { WireTrack } from '../../src/shared/wire';
import { buildCompareCharts } from '../../src/webview/compare/compareSeries';
import { comparedParticipant } from '../fixtures/comparedParticipant';
import { wireColumns } from '../fixtures/sampleColumns';

const line = (x: number[], values: number[], hold = 1.5): HeldLine => ({
  x: Float64Array.from(x),
  values: Float64Array.from(values),
  hold,
});

describe('held lines (compare draws each participant on its own times)', () => {
  it('spans every line', () => {
    const source = heldLinesSource([line([10, 11], [1, 2]), line([], []), line([5, 20], [3, 4])]);
    assert.deepEqual([source.first, source.last], [5, 20]);
  });

  it('draws every sample on the union of the times when they fit, each held until its next one or its hold', () => {
    const [x, a, b] = heldWindow([line([0, 1, 2, 6], [1, 2, 3, 4]), line([0.5, 1.5], [9, 8])], 0, 6, 100);
    assert.deepEqual(x, [0, 0.5, 1, 1.5, 2, 6]);
    // a: 2 stands at 1.5 (before its next sample); 3 at 2 stands for 1.5 s only, so 6 is a new start.
    assert.deepEqual(a, [1, 1, 2, 2, 3, 4]);
    // b: nothing before its first sample; 8 at 1.5 stands until 3, not at 6.
    assert.deepEqual(b, [null, 9, 9, 8, 8, null]);
  });

  it('turns NaN into a gap, which ends the sample before it', () => {
    const [, a] = heldWindow([line([0, 1, 2], [1, Number.NaN, 3]), line([0.5, 1.5], [0, 0])], 0, 2, 100);
    assert.deepEqual(a, [1, 1, null, null, 3]);
  });

  it('keeps each line’s minimum and maximum per bucket, in time order, when there are more samples than buckets', () => {
    const x = Array.from({ length: 100 }, (_, i) => i / 10); // 0 .. 9.9, ten per second
    const values = x.map((t, i) => (i === 13 ? 50 : i === 17 ? -5 : t));
    const [xs, y] = heldWindow([line(x, values, 0.15)], 0, 10, 10);
    assert.equal(xs.length, 20);
    assert.deepEqual(xs.slice(0, 4), [0.25, 0.75, 1.25, 1.75]);
    assert.deepEqual(y.slice(0, 2), [0, 0.9]);
    assert.deepEqual(y.slice(2, 4), [50, -5], 'the spike, then the dip, as they happened');
  });

  it('holds a sample over empty buckets for its hold only, and a reconnect gap stays a gap', () => {
    // Ten samples a second until 10 s, then only 20 s and 22 s, with a 3 s hold; one-second buckets.
    const dense = Array.from({ length: 101 }, (_, i) => i / 10);
    const times = [...dense, 20, 22];
    const [, y] = heldWindow(
      [
        line(
          times,
          times.map(() => 4),
          3,
        ),
      ],
      0,
      40,
      40,
    );
    const inBucket = (b: number) => y[b * 2];
    assert.equal(inBucket(5), 4);
    assert.equal(inBucket(12), 4, '10 s stands until 13 s');
    assert.equal(inBucket(13), null, 'then the gap');
    assert.equal(inBucket(21), 4, '20 s stands over the empty bucket after it');
    assert.equal(inBucket(24), 4, '22 s stands until 25 s');
    assert.equal(inBucket(25), null);
    assert.equal(inBucket(39), null);
  });

  it('starts a zoomed window with the sample before it when that still stands', () => {
    const x = [10, ...Array.from({ length: 11 }, (_, i) => 12 + i / 10)];
    const [, y] = heldWindow([line(x, x, 3)], 10.5, 13, 5);
    assert.equal(y[0], 10, 'the sample at 10 s stands in the first bucket');
    assert.equal(y[2], 10);
    assert.equal(y[6], 12);
  });

  it('agrees with the table view’s shared axis for participants sampled at their own moments', () => {
    const t0 = Date.parse('2026-11-20T09:00:00Z');
    const track = (offset: number, mos: (i: number) => number): WireTrack => ({
      kind: 'audio',
      direction: 'consumer',
      columns: wireColumns(Array.from({ length: 40 }, (_, i) => ({ t: t0 + offset + (i < 20 ? i : i + 15) * 1000, mos: mos(i) }))),
      summary: {},
    });
    const charts = buildCompareCharts([
      comparedParticipant('a', { tracks: [track(0, (i) => 4 - (i % 7) / 10)] }),
      comparedParticipant('b', { tracks: [track(250, (i) => 3 + (i % 5) / 10), track(700, (i) => 2.5 + (i % 3) / 10)] }),
    ]);
    const { model } = charts[0];
    const source = plotSource(model);
    const [xs, ...ys] = source.window(source.first, source.last, 1000);
    assert.deepEqual(xs, Array.from(model.x), 'every sample on the shared axis');
    ys.forEach((values, i) =>
      assert.deepEqual(
        values,
        Array.from(model.series[i].values, (value) => (Number.isNaN(value) ? null : value)),
        `line ${i}`,
      ),
    );
  });
});

import { strict as assert } from 'node:assert';
import { toWireColumns, toWirePeer } from '../../src/shared/wire';
import { sampleColumns } from '../fixtures/sampleColumns';

const t0 = Date.parse('2026-11-20T09:00:00Z');

describe('toWireColumns (the webview columns of a track)', () => {
  const track = sampleColumns([
    { t: t0 + 2000, mos: 4.1, lossPct: 0.1, limitation: 'cpu' },
    { t: t0, mos: 4.3 },
    { t: t0 + 1000, mos: 3.7, lossPct: 12.5 },
  ]);
  const columns = toWireColumns(track.columns);

  it('keeps times as Float64 epoch milliseconds, in order, in a copy of their own (the wire buffers are transferred)', () => {
    assert.ok(columns.t instanceof Float64Array);
    assert.deepEqual(Array.from(columns.t), [t0, t0 + 1000, t0 + 2000]);
    assert.notEqual(columns.t.buffer, track.columns.t.buffer);
  });

  it('sends metrics as Float32, NaN where a sample has none, close enough for two decimals', () => {
    assert.ok(track.columns.mos instanceof Float64Array, 'the model keeps full precision');
    assert.ok(columns.mos instanceof Float32Array);
    assert.ok(Number.isNaN(columns.lossPct![0]));
    assert.deepEqual(
      Array.from(columns.lossPct!.subarray(1), (value) => Math.round(value * 100) / 100),
      [12.5, 0.1],
    );
  });

  it('leaves out a metric the track never reports, and the limitation reasons (only the analysis reads them)', () => {
    assert.deepEqual(Object.keys(columns).sort(), ['lossPct', 'mos', 't']);
    const [wireTrack] = toWirePeer({ events: [], tracks: [{ kind: 'video', direction: 'producer', ...track, summary: {} }] }).tracks;
    assert.equal('limitation' in wireTrack, false);
  });
});

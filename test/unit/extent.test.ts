import { strict as assert } from 'node:assert';
import { maxOf, minOf } from '../../src/shared/extent';

describe('minOf and maxOf', () => {
  it('find the extremes of lists longer than Math.min(...values) can take', () => {
    const values = Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 300_000);
    assert.equal(minOf(values), 0);
    assert.equal(maxOf(values), 299_999);
  });

  it('are undefined for an empty list and handle negatives and a single value', () => {
    assert.equal(minOf([]), undefined);
    assert.equal(maxOf([]), undefined);
    assert.equal(minOf([-3, -1, -2]), -3);
    assert.equal(maxOf([5]), 5);
  });

  it("skip NaN, a column's missing value, wherever it is, and read typed arrays", () => {
    const column = Float64Array.from([Number.NaN, 720, Number.NaN, 180, 360, Number.NaN]);
    assert.equal(minOf(column), 180);
    assert.equal(maxOf(column), 720);
    assert.equal(minOf(Float32Array.from([Number.NaN, Number.NaN])), undefined);
    assert.equal(maxOf([Number.NaN]), undefined);
  });
});

import { strict as assert } from 'node:assert';
import { selectRanks } from '../../src/shared/extent';

describe('selectRanks (percentiles without a full sort)', () => {
  it('puts at each rank what a sort would, with duplicates, runs and tiny arrays', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const cases: number[][] = [
      [5],
      [2, 1],
      [3, 3, 3, 3],
      Array.from({ length: 1_000 }, (_, i) => i),
      Array.from({ length: 1_000 }, (_, i) => 1_000 - i),
      Array.from({ length: 5_001 }, () => Math.round(random() * 20)),
      Array.from({ length: 20_000 }, () => random() * 100),
    ];
    for (const values of cases) {
      const sorted = Float64Array.from(values).sort();
      const n = values.length;
      const ranks = [...new Set([0, Math.floor(n / 2), Math.floor((n * 3) / 4), Math.floor((n * 9) / 10), n - 1])].sort((a, b) => a - b);
      const selected = Float64Array.from(values);
      selectRanks(selected, ranks);
      for (const k of ranks) assert.equal(selected[k], sorted[k], `rank ${k} of ${n}`);
      assert.deepEqual(
        [...selected].sort((a, b) => a - b),
        [...sorted],
        'the same values, reordered',
      );
    }
  });
});

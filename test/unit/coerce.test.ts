import { strict as assert } from 'node:assert';
import { records } from '../../src/api/coerce';

describe('records (the objects of an API array)', () => {
  it('gives the array itself when every item is an object: a long call has 100,000 rows', () => {
    const rows = [{ a: 1 }, { a: 2 }];
    assert.equal(records(rows), rows);
  });

  it('leaves out what is not an object (null, arrays, numbers, strings), in a new array', () => {
    const rows: unknown[] = [{ a: 1 }, null, [1], 3, 'x', { a: 2 }, undefined];
    const kept = records(rows);
    assert.deepEqual(kept, [{ a: 1 }, { a: 2 }]);
    assert.equal(rows.length, 7, 'the answer is left as it came');
  });

  it('gives nothing for what is not an array', () => {
    for (const value of [undefined, null, {}, 'rows', 3]) assert.deepEqual(records(value), []);
  });
});

import { strict as assert } from 'node:assert';
import { parseJsonInSlices, type SliceOptions } from '../../src/api/slicedJson';
import { randomValue, seeded } from '../fixtures/randomJson';

const encode = (text: string) => new TextEncoder().encode(text);
/** Tiny thresholds, so even short texts are cut into containers built from members and batches. */
const tiny: SliceOptions = { smallBytes: 12, sliceMs: 0, yieldNow: () => Promise.resolve() };

describe('JSON parsed in slices', () => {
  it('gives what JSON.parse gives, whatever the nesting, strings, spacing and characters', async () => {
    const random = seeded(11);
    const texts = [
      '{}',
      '[]',
      ' \n[ 1 , [ ] , { } , "a,b]" ]\t',
      '{"a": {"b": [1, 2, {"c": "}"}]}, "a": 3}',
      '{"__proto__": {"polluted": true}, "b": [1, 2, 3, 4, 5, 6], "__proto__": [7, 8, 9, 10, 11, 12]}',
      '\ufeff{"long": "' + 'x'.repeat(50) + '", "n": [' + Array.from({ length: 40 }, (_, i) => i).join(', ') + ']}',
    ];
    for (let i = 0; i < 300; i++) texts.push(JSON.stringify(randomValue(random), null, i % 3 === 0 ? 2 : undefined));
    for (const text of texts) {
      const expected: unknown = JSON.parse(text.replace(/^\ufeff/, ''));
      if (text.includes('__proto__')) {
        const parsed = (await parseJsonInSlices(encode(text), tiny)) as object;
        assert.equal(Object.getPrototypeOf(parsed), Object.prototype, 'a "__proto__" member is a member, not the prototype');
        assert.deepEqual(Object.getOwnPropertyDescriptor(parsed, '__proto__')?.value, [7, 8, 9, 10, 11, 12]);
      }
      assert.deepEqual(await parseJsonInSlices(encode(text), tiny), expected, text);
      assert.deepEqual(Object.keys((await parseJsonInSlices(encode(text), tiny)) ?? {}), Object.keys(expected ?? {}), `key order: ${text}`);
    }
  });

  it('answers undefined for what is not JSON, as parseJson does', async () => {
    const broken = [
      '',
      '{"a": 1',
      '{"a": 1}}',
      '[1 2, 3, 4, 5, 6, 7, 8]',
      '{"a" 1, "b": 2, "c": 3, "d": 4}',
      '[{"a": [1, 2, 3, 4, 5]} x, 2]',
      '{"a": [1, 2, 3, 4, 5, 6, 7]} trailing',
      '[1, 2, 3, 4, 5, 6, 7, 8]]',
      '{"a": [1, 2, 3, 4, 5, 6, 7, 8}',
      '{[1, 2, 3, 4, 5, 6, 7, 8]: 1}',
      '["unterminated, 1, 2, 3, 4, 5]',
    ];
    for (const text of broken) assert.equal(await parseJsonInSlices(encode(text), tiny), undefined, text);
    assert.deepEqual(await parseJsonInSlices(encode('"a string longer than twelve bytes"'), tiny), 'a string longer than twelve bytes');
  });

  it('lets other work run between slices of a large body, and parses a small one at once', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => ({ timestamp: new Date(i * 1000).toISOString(), mos: 4.2, name: `peer ${i}` }));
    const body = encode(JSON.stringify({ success: true, data: { quality: { audio: rows, video: rows } } }));
    let yields = 0;
    const parsed = await parseJsonInSlices(body, { smallBytes: 4_096, sliceMs: 0, yieldNow: async () => void yields++ });
    assert.deepEqual(parsed, { success: true, data: { quality: { audio: rows, video: rows } } });
    assert.ok(yields > 100, `${yields} yields`);
    yields = 0;
    await parseJsonInSlices(encode('{"a": 1}'), { sliceMs: 0, yieldNow: async () => void yields++ });
    assert.equal(yields, 0);
  });
});

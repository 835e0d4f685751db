import { strict as assert } from 'node:assert';
import { parseIsoTime } from '../../src/api/isoTime';

/** Date.parse's answer, NaN kept (assert.equal treats NaN as equal to NaN). */
const same = (text: string) => assert.equal(parseIsoTime(text), Date.parse(text), text);

describe("parseIsoTime (the quality rows' timestamps)", () => {
  it('gives what Date.parse gives for rows of a call, second after second across midnight and a leap day', () => {
    const start = Date.parse('2028-02-28T23:59:30.000Z');
    for (let i = 0; i < 200_000; i += 7) {
      const iso = new Date(start + i * 1003).toISOString();
      same(iso);
      same(iso.replace(/\.\d{3}Z$/, 'Z'));
    }
  });

  it('leaves everything else to Date.parse, with the same answer', () => {
    const texts = [
      '2026-11-16T24:00:00Z',
      '2026-11-16T23:59:60Z',
      '2026-11-16T09:60:00Z',
      '2026-11-16T09:17:07.1Z',
      '2026-11-16T09:17:07.123456Z',
      '2026-11-16T09:17:07+05:30',
      '2026-11-16T09:17:07',
      '2026-11-16T09:17:07.000z',
      '2026-13-16T09:17:07.000Z',
      '2026-02-30T09:17:07.000Z',
      '2026/11/16T09:17:07.000Z',
      '2026-11-1aT09:17:07.000Z',
      '2026-11-16T0a:17:07.000Z',
      '2026-11-16T09:1:07.0000Z',
      '2026-11-16T09:17:07.0a0Z',
      '2026-11-16T09:17:07.a00Z',
      '2026-11-16T09:17:07.T00Z',
      '2026-11-16T09:17:07-000Z',
      '+02026-11-16T09:17:07Z',
      '2026-11-16 09:17:07Z',
      'Mon, 16 Nov 2026 09:17:07 GMT',
      '',
      'null',
    ];
    for (const text of texts) same(text);
  });

  it('gives random texts of the timestamp shape the answer Date.parse gives', () => {
    const alphabet = '0123456789-:T.Z+/ a';
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const base = '2026-11-16T09:17:07.000Z';
    for (let run = 0; run < 20_000; run++) {
      const chars = [...(run % 2 ? base : base.replace('.000', ''))];
      for (let flips = 1 + Math.floor(random() * 2); flips > 0; flips--)
        chars[Math.floor(random() * chars.length)] = alphabet[Math.floor(random() * alphabet.length)];
      same(chars.join(''));
    }
  });
});

import { strict as assert } from 'node:assert';
import { IncrementalJson, type ArrayCollector, type JsonPath } from '../../src/api/incrementalJson';
import { randomValue, seeded } from '../fixtures/randomJson';

const random = seeded(7);

/** The text cut at random places (a cut may fall inside a string, an escape or a number), pushed piece by piece. */
function parseInPieces(text: string, large: number, maxPiece: number): { value: unknown } | undefined {
  const json = new IncrementalJson(large);
  for (let at = 0; at < text.length;) {
    const length = 1 + Math.floor(random() * maxPiece);
    json.push(text.slice(at, at + length));
    at += length;
  }
  return json.end();
}

/** Every way the tests cut texts: containers built from their second character, or from 40; pieces of 1 to 7 or 200 characters. */
const CUTS = [
  { large: 1, maxPiece: 1 },
  { large: 1, maxPiece: 7 },
  { large: 40, maxPiece: 3 },
  { large: 40, maxPiece: 200 },
  { large: 64 * 1024, maxPiece: 200 },
];

describe('JSON parsed as its pieces arrive', () => {
  it('gives what JSON.parse gives, key order and "__proto__" members included, however the text is cut', () => {
    const texts = [
      '{}',
      '[]',
      ' \n[ 1 , [ ] , { } , "a,b]" ]\t',
      '{"a": {"b": [1, 2, {"c": "}"}]}, "a": 3}',
      '{"a": {"x": [1, 2, 3, 4, 5, 6, 7, 8]}, "b": 1, "a": {"y": [9, 10, 11, 12, 13, 14]}}',
      '{"__proto__": {"polluted": true}, "b": [1, 2, 3, 4, 5, 6], "__proto__": [7, 8, 9, 10, 11, 12]}',
      '"a string \\" root"',
      ' 12.5e3 ',
      'null',
      // Compact arrays of objects and arrays, where the parser leaps to the last "},{" or "],[" of a piece:
      // those inside strings and deeper containers are not commas between the array's own members.
      `{"samples":[${Array.from({ length: 60 }, (_, i) => `{"t":${i},"note":"},{\\"],[","d":{"q":[{"a":${i}},{"b":[[1],[2]]}]}}`).join(',')}]}`,
      `[${Array.from({ length: 60 }, (_, i) => `[${i},"],[",[{"x":"},{"},{"y":[]}]]`).join(',')}]`,
      '{"long": "' + 'x\\\\'.repeat(50) + '", "n": [' + Array.from({ length: 400 }, (_, i) => i).join(', ') + ']}',
    ];
    for (let i = 0; i < 300; i++) texts.push(JSON.stringify(randomValue(random), null, i % 3 === 0 ? 2 : undefined));
    for (const text of texts) {
      const expected: unknown = JSON.parse(text);
      for (const cut of CUTS) {
        const parsed = parseInPieces(text, cut.large, cut.maxPiece);
        const where = `${JSON.stringify(cut)}: ${text}`;
        assert.ok(parsed, `parsed ${where}`);
        assert.deepEqual(parsed.value, expected, where);
        assert.equal(JSON.stringify(parsed.value), JSON.stringify(expected), `key order, ${where}`);
        if (text.includes('__proto__')) {
          assert.equal(Object.getPrototypeOf(parsed.value), Object.prototype, 'a "__proto__" member is a member, not the prototype');
          assert.deepEqual(Object.getOwnPropertyDescriptor(parsed.value, '__proto__')?.value, [7, 8, 9, 10, 11, 12]);
        }
      }
    }
  });

  it('gives nothing for text that is not JSON, wherever the fault lies, so the caller parses it for the error', () => {
    const long = Array.from({ length: 30 }, (_, i) => `{"i": ${i}}`).join(', ');
    const compact = Array.from({ length: 30 }, (_, i) => `{"i":${i}}`).join(',');
    const faults = [
      '',
      '   ',
      '[1,]',
      '[,1]',
      '[1,,2]',
      '{"a":1,}',
      '{"a" 1}',
      '{"a": 1 "b": 2}',
      '[1 2]',
      '[1]]',
      '{]',
      '[}',
      '[1] x',
      'x [1]',
      '[1] [2]',
      '"open',
      '[',
      `[${long}`,
      `[${long},]`,
      `[${long}, , 1]`,
      `[${long}] 1`,
      `{"a": [${long}] "b": 1}`,
      `{"a": [${long}] [1], "b": 1}`,
      `{[${long}]: 1}`,
      `{"a" [${long}]}`,
      `[1 [${long}]]`,
      `[[${long}] 1]`,
      `[[${long}],]`,
      `{"a": [${long}], }`,
      `[${long}, {"x": }]`,
      `[${compact},{"x":1,},{"y":2}]`,
      `[${compact},{"x":"},{"},{"y":2}`,
      `[${compact}]},{"y":2}]`,
      // Blank space is JSON's four characters, not every Unicode space.
      '\ufeff[1]',
      '[1]\u00a0',
      `{"a"\u00a0: [${long}]}`,
      `[[${long}]\u2028]`,
    ];
    for (const text of faults) {
      assert.throws(() => JSON.parse(text), SyntaxError, `JSON.parse refuses ${text}`);
      for (const cut of CUTS) assert.equal(parseInPieces(text, cut.large, cut.maxPiece), undefined, `${JSON.stringify(cut)}: ${text}`);
    }
  });

  it('keeps only the text it has not parsed: a long array of samples holds about one batch', () => {
    const sample = (i: number) => `{"timestamp": "2026-11-20T09:00:${String(i % 60).padStart(2, '0')}Z", "jitter": ${i % 17}, "rtt": ${i}}`;
    const json = new IncrementalJson(1024);
    json.push('{"data": {"quality": [');
    let most = 0;
    for (let i = 0; i < 20_000; i++) {
      json.push(`${i > 0 ? ', ' : ''}${sample(i)}`);
      most = Math.max(most, (json as unknown as { text: string }).text.length);
    }
    json.push(']}}');
    const parsed = json.end();
    assert.equal((parsed?.value as { data: { quality: unknown[] } }).data.quality.length, 20_000);
    assert.ok(most < 3 * 1024, `at most about two batches kept, not the ${20_000 * 70} characters pushed: ${most}`);
  });

  /** The text pushed in 16 KB pieces: how many characters the reader looked at one by one (its result is JSON.parse's). */
  function charactersScanned(text: string): number {
    const json = new IncrementalJson();
    const charCodeAt = String.prototype.charCodeAt;
    let read = 0;
    String.prototype.charCodeAt = function (this: string, index: number) {
      read++;
      return charCodeAt.call(this, index);
    };
    try {
      for (let at = 0; at < text.length; at += 16 * 1024) json.push(text.slice(at, at + 16 * 1024));
    } finally {
      String.prototype.charCodeAt = charCodeAt;
    }
    assert.deepEqual(json.end()?.value, JSON.parse(text));
    return read;
  }

  it('scans little of a compact array of samples: JSON.parse reads its members whole from piece to piece', () => {
    const sample = (i: number) => `{"timestamp":"2026-11-20T09:00:00Z","jitter":${i % 17},"limits":{"cpu":0,"other":${i}},"rtt":${i}}`;
    const text = `{"data":{"quality":[${Array.from({ length: 20_000 }, (_, i) => sample(i)).join(',')}]}}`;
    const read = charactersScanned(text);
    assert.ok(read < text.length / 20, `scanned ${read} of ${text.length} characters`);
  });

  it('leaps over arrays of arrays too, after an array of objects in the same piece', () => {
    const objects = Array.from({ length: 20_000 }, (_, i) => `{"t":${i},"jitter":${i % 17}}`).join(',');
    const arrays = Array.from({ length: 100_000 }, (_, i) => `[${i},${i % 7}]`).join(',');
    const text = `{"objects":[${objects}],"arrays":[${arrays}]}`;
    const read = charactersScanned(text);
    // Each array is scanned until it is built (64 KB); the arrays scanned whole would be over half the text.
    assert.ok(read < text.length / 4, `scanned ${read} of ${text.length} characters`);
  });

  /** Takes the members of the arrays named "rows", and says where they stood. */
  class Rows implements ArrayCollector {
    readonly members: unknown[] = [];
    runs = 0;
    constructor(readonly path: JsonPath) {}
    add(members: readonly unknown[]): void {
      this.members.push(...members);
      this.runs++;
    }
  }

  /** The value with each collector back as the array of its members. */
  const uncollected = (value: unknown): unknown => {
    if (value instanceof Rows) return value.members.map(uncollected);
    if (Array.isArray(value)) return value.map(uncollected);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, uncollected(item)]));
    return value;
  };

  /** The text pushed in pieces of 97 characters, with the arrays named "rows" collected. */
  function collectedInPieces(text: string, large: number) {
    const collected: Rows[] = [];
    const json = new IncrementalJson(large, (path) => {
      if (path[path.length - 1] !== 'rows') return undefined;
      const collector = new Rows(path);
      collected.push(collector);
      return collector;
    });
    for (let at = 0; at < text.length; at += 97) json.push(text.slice(at, at + 97));
    return { parsed: json.end(), paths: collected.map((collector) => collector.path.join('/')) };
  }

  it('gives the members of an array it collects to its collector, a run at a time, which stands where the array would', () => {
    const row = (i: number) => ({ timestamp: `2026-11-20T09:00:${String(i % 60).padStart(2, '0')}Z`, jitter: i % 17, note: 'a,b]}' });
    const rows = (count: number) => Array.from({ length: count }, (_, i) => row(i));
    const value = {
      data: {
        peer: { quality: { rows: rows(2000), other: rows(50) } },
        // A member of a collected array longer than `large` is parsed whole with its run, not built.
        entries: [{ rows: [...rows(40), { long: rows(60) }] }, { rows: rows(5) }, { rows: [] }],
      },
    };
    // Pretty-printed, and compact, where runs of rows are taken by a leap to the piece's last "},{".
    for (const text of [JSON.stringify(value, null, 1), JSON.stringify(value)])
      for (const { large } of CUTS) {
        const { parsed, paths } = collectedInPieces(text, large);
        assert.deepEqual(uncollected(parsed?.value), value, `large ${large}`);
        if (large <= 40) {
          // Every array longer than `large` characters while open is built: those named "rows" are collected.
          // An empty one never was open long enough.
          assert.deepEqual(paths, ['data/peer/quality/rows', 'data/entries/0/rows', 'data/entries/1/rows'], 'where each stood');
          const peerRows = (parsed?.value as { data: { peer: { quality: { rows: unknown } } } }).data.peer.quality.rows;
          assert.ok(peerRows instanceof Rows && peerRows.runs > 10, 'members given in runs as they came');
        } else assert.deepEqual(paths, ['data/peer/quality/rows'], 'only arrays long enough to be built are collected');
      }
  });

  it('gives the last of duplicate keys, collected or not, and nothing for text that is not JSON, with collectors too', () => {
    const long = Array.from({ length: 30 }, (_, i) => `{"n": ${i}}`).join(', ');
    const texts = [`{"rows": [${long}], "rows": [1]}`, `{"rows": [1], "rows": [${long}]}`, `{"a": {"rows": [${long}]}, "a": 2}`];
    for (const text of texts)
      for (const { large } of CUTS) assert.deepEqual(uncollected(collectedInPieces(text, large).parsed?.value), JSON.parse(text), text);
    const faults = [`{"rows": [${long},]}`, `{"rows": [${long}}`, `{"rows": [${long}] "b": 1}`, `{"rows": [${long}, {"n": 1]}`];
    for (const text of faults) {
      assert.throws(() => JSON.parse(text), SyntaxError);
      for (const { large } of CUTS) assert.equal(collectedInPieces(text, large).parsed, undefined, `large ${large}: ${text}`);
    }
  });

  it('parses nothing more once the text ended, and gives nothing for text that stopped short', () => {
    const json = new IncrementalJson(1);
    json.push('{"a": [1, 2, 3');
    assert.equal(json.end(), undefined, 'the array never closed');
    json.push(']}');
    assert.equal(json.end(), undefined, 'ended once: what comes after is not read');
  });
});

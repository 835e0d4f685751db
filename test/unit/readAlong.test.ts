import { strict as assert } from 'node:assert';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { QualityRows, type RowNumber } from '../../src/api/qualityRows';
import { BodiesReadAlong } from '../../src/inspection/worker/readAlong';

/** A row's value of a numeric field, NaN when it has none. */
const numberOf = (rows: QualityRows, field: RowNumber, index: number) => rows.column(field)?.[index] ?? Number.NaN;

const encode = (text: string) => new TextEncoder().encode(text);

describe('Bodies read along as they arrive', () => {
  it('decodes and parses a body from its pieces, a character split between two of them too, and gives it once', () => {
    const bodies = new BodiesReadAlong();
    const bytes = encode('{"city":"Zürich"}');
    const cut = bytes.indexOf(0xc3) + 1; // inside the ü
    bodies.push(1, bytes.subarray(0, cut));
    bodies.push(1, bytes.subarray(cut));
    assert.equal(bodies.take(1), undefined, 'not complete yet');
    bodies.push(2, bytes);
    bodies.end(2, true);
    assert.deepEqual(bodies.take(2), { value: { city: 'Zürich' }, characters: '{"city":"Zürich"}'.length });
    assert.equal(bodies.take(2), undefined, 'taken once');
  });

  it('decodes as one TextDecoder would, wherever the pieces are cut: characters, byte order marks and bad bytes', () => {
    const bytes = new Uint8Array([
      ...[0xef, 0xbb, 0xbf], // a byte order mark, which decoding drops
      ...encode('{"names":["Zürich","東京 🎧","'),
      ...[0xef, 0xbb, 0xbf], // inside a string it is text
      ...[0xe6, 0x9d], // a character cut short: one replacement character
      ...encode('x","'),
      ...[0xff, 0xc3], // bad bytes, then a character begun at the end of a string
      ...encode('"]}'),
    ]);
    const expected: unknown = JSON.parse(new TextDecoder().decode(bytes));
    for (let size = 1; size <= 9; size++) {
      const bodies = new BodiesReadAlong();
      for (let at = 0; at < bytes.length; at += size) bodies.push(1, bytes.subarray(at, at + size));
      bodies.end(1, true);
      assert.deepEqual(bodies.take(1)?.value, expected, `pieces of ${size} bytes`);
    }
  });

  it('decodes a compressed body as its pieces come, and gives it once its end came and it settled', async () => {
    const text = JSON.stringify({ names: Array.from({ length: 2_000 }, (_, i) => `Zürich ${i}`) });
    for (const [encoding, bytes] of [
      ['gzip', gzipSync(text)],
      ['deflate', deflateSync(text)],
      ['br', brotliCompressSync(text)],
    ] as const) {
      const bodies = new BodiesReadAlong();
      for (let at = 0; at < bytes.length; at += 7) bodies.push(1, bytes.subarray(at, at + 7), encoding);
      bodies.end(1, true);
      await bodies.settled();
      assert.deepEqual(bodies.take(1), { value: JSON.parse(text), characters: text.length }, encoding);
    }
    const bodies = new BodiesReadAlong();
    bodies.push(2, encode('not gzip'), 'gzip');
    bodies.end(2, true);
    await bodies.settled();
    assert.equal(bodies.take(2), undefined, 'pieces that do not decode: the job reads them itself, and says why');
  });

  it('drops a body that did not complete, or was forgotten', () => {
    const bodies = new BodiesReadAlong();
    bodies.push(1, encode('{"a":'));
    bodies.end(1, false);
    assert.equal(bodies.take(1), undefined);
    bodies.push(2, encode('{}'));
    bodies.end(2, true);
    bodies.forget([2]);
    assert.equal(bodies.take(2), undefined);
  });

  it('lets the oldest bodies go when those kept add up to too much, never the one being read', () => {
    const bodies = new BodiesReadAlong(10);
    for (const id of [1, 2, 3]) {
      bodies.push(id, encode('abcd'));
      bodies.end(id, true);
    }
    bodies.push(4, encode('"0123456789"'));
    bodies.end(4, true);
    assert.deepEqual(
      [1, 2, 3].map((id) => bodies.take(id)),
      [undefined, undefined, undefined],
    );
    assert.deepEqual(bodies.take(4), { value: '0123456789', characters: 12 }, 'over the bound alone, and kept');
  });

  it("reads a report's long quality arrays into rows as they are parsed, not into row objects kept until it ends", () => {
    const row = (i: number) => ({ timestamp: new Date(Date.UTC(2026, 10, 20) + i * 1000).toISOString(), jitter: i % 9, rtt: 30 });
    const quality = { audio_producer: Array.from({ length: 3_000 }, (_, i) => row(i)), audio_consumer: [row(0)] };
    const bytes = encode(JSON.stringify({ success: true, data: { participant: { peer_report: { quality } } } }));
    const bodies = new BodiesReadAlong();
    for (let at = 0; at < bytes.length; at += 16 * 1024) bodies.push(1, bytes.subarray(at, at + 16 * 1024));
    bodies.end(1, true);
    const read = bodies.take(1)?.value as { data: { participant: { peer_report: { quality: Record<string, unknown> } } } };
    const producer = read.data.participant.peer_report.quality.audio_producer;
    assert.ok(producer instanceof QualityRows, 'a long array is read into rows');
    assert.equal(producer.length, 3_000);
    assert.equal(numberOf(producer, 'jitter', 2_999), 2_999 % 9);
    assert.deepEqual(read.data.participant.peer_report.quality.audio_consumer, [row(0)], 'a short one is parsed whole, as it is');
  });

  it('gives nothing for a body that is not JSON: the job reads its bytes and says what is wrong', () => {
    const bodies = new BodiesReadAlong();
    bodies.push(1, encode('<html>Bad gateway</html>'));
    bodies.end(1, true);
    assert.equal(bodies.take(1), undefined);
  });
});

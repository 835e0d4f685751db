import { strict as assert } from 'node:assert';
import { byteLengthOf, joinChunks, joinInSlices } from '../../src/api/bodyChunks';

/** `count` pieces of `size` bytes, each its own buffer, numbered so a misplaced byte shows. */
const pieces = (count: number, size: number) => Array.from({ length: count }, (_, index) => new Uint8Array(size).fill(index % 251));

describe('A body in pieces', () => {
  it('joins the pieces in order, at once or a slice at a time', async () => {
    // Over the 2 MB slice, so the sliced join yields at least once.
    const chunks = pieces(70, 65_527);
    const expected = Buffer.concat(chunks);
    assert.equal(byteLengthOf(chunks), expected.length);
    assert.equal(Buffer.compare(joinChunks(chunks), expected), 0);
    let yielded = 0;
    const counting = setInterval(() => yielded++, 0);
    const joined = await joinInSlices(chunks).finally(() => clearInterval(counting));
    assert.equal(Buffer.compare(joined, expected), 0);
    assert.ok(yielded > 0, 'other work ran during the join');
  });

  it('hands one piece over as it is, and an empty body as empty', async () => {
    const [only] = pieces(1, 10);
    assert.equal(joinChunks([only]), only);
    assert.equal(await joinInSlices([only]), only);
    assert.equal(joinChunks([]).byteLength, 0);
    assert.equal((await joinInSlices([])).byteLength, 0);
  });
});

import { strict as assert } from 'node:assert';
import { BodyFingerprint } from '../../src/api/bodyFingerprint';

const MB = 1024 * 1024;

/** The fingerprint of the bytes fed in pieces of `step` bytes, and whether it differed after each piece. */
function fingerprint(
  bytes: Uint8Array,
  step: number,
  last?: string,
  options?: { compressed: boolean },
): { digest: string; differed: boolean[]; differs: boolean } {
  const print = new BodyFingerprint(last, options);
  const differed: boolean[] = [];
  for (let offset = 0; offset < bytes.length; offset += step) {
    print.update(bytes.subarray(offset, offset + step));
    differed.push(print.differs);
  }
  const digest = print.digest();
  return { digest, differed, differs: print.differs };
}

describe('BodyFingerprint', () => {
  const body = new Uint8Array(3 * MB + 5).map((_, i) => (i * 7) % 251);

  it('gives the same bytes the same fingerprint however they were cut, and other bytes another', () => {
    const whole = fingerprint(body, body.length).digest;
    assert.equal(fingerprint(body, 65_537).digest, whole);
    assert.equal(fingerprint(body, MB).digest, whole);
    assert.equal(whole.split('.').length, 4, 'a digest per MiB, the last one partial');
    const other = body.slice();
    other[3 * MB + 1] ^= 1;
    assert.notEqual(fingerprint(other, MB).digest, whole);
    assert.notEqual(fingerprint(body.subarray(0, 3 * MB), MB).digest, whole, 'a prefix');
    assert.equal(fingerprint(new Uint8Array(0), 1).digest, new BodyFingerprint().digest(), 'an empty body has one');
  });

  it('differs from the start without a last fingerprint, and never from the same bytes', () => {
    assert.ok(fingerprint(body, MB).differed.every(Boolean));
    const last = fingerprint(body, MB).digest;
    const again = fingerprint(body, 65_537, last);
    assert.ok(!again.differs && again.differed.every((differs) => !differs));
  });

  it('differs from the MiB where the bytes first differ, not before', () => {
    const last = fingerprint(body, MB).digest;
    const changed = body.slice();
    changed[2 * MB + 3] ^= 1;
    assert.deepEqual(fingerprint(changed, MB, last).differed, [false, false, true, true]);
    const longer = new Uint8Array(body.length + 10);
    longer.set(body);
    // The same up to the last, partial MiB, which is longer: that one differs once the body ended.
    const grown = fingerprint(longer, MB, last);
    assert.deepEqual(grown.differed, [false, false, false, false]);
    assert.ok(grown.differs, 'its last block differs');
    const shorter = fingerprint(body.subarray(0, 2 * MB), MB, last);
    assert.deepEqual([shorter.differed, shorter.differs], [[false, false], true], 'fewer blocks than the last one');
  });

  it('takes a digest per 64 KB of a compressed body, so that a change shows within its first blocks', () => {
    const compressed = { compressed: true };
    const sent = body.subarray(0, 640 * 1024);
    const last = fingerprint(sent, 65_537, undefined, compressed).digest;
    assert.equal(last.split('.').length, 10);
    assert.notEqual(last, fingerprint(sent, 65_537).digest, 'not the digest per MiB');
    assert.ok(!fingerprint(sent, 64 * 1024, last, compressed).differs, 'the same bytes');
    const changed = sent.slice();
    changed[100] ^= 1;
    // A compressed report of 650 KB that changed from its start: with a digest per MiB it differed only once it ended.
    assert.deepEqual(fingerprint(changed, 64 * 1024, last, compressed).differed.slice(0, 2), [true, true]);
    const perMiB = fingerprint(changed, 64 * 1024, fingerprint(sent, MB).digest);
    assert.ok(perMiB.differs && !perMiB.differed.some(Boolean));
  });
});

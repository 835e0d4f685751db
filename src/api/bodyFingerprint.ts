/**
 * A body's fingerprint, taken as it arrives: the SHA-256 of each MiB of it (64 KB when compressed). The same bytes give the same
 * fingerprint, and a body can be seen to differ from the last one of its request while it still downloads,
 * so the stats worker reads along only the answers that changed (a Refresh of an ended call gets every
 * answer the same again; one of a LIVE call, mostly the same but for the peer still in it).
 */
import { createHash, type Hash } from 'node:crypto';

/** Large enough that a digest per block costs nothing; small enough that a difference shows early. */
const BLOCK_BYTES = 1024 * 1024;
/**
 * For a body that came compressed: JSON compresses 10-25 times, so a MiB of it holds 10-25 MB of text,
 * and a changed report (650 KB compressed for 14 MB) was seen to differ only at its end, too late to
 * read it along as it arrived.
 */
const COMPRESSED_BLOCK_BYTES = 64 * 1024;
const SEPARATOR = '.';

export class BodyFingerprint {
  private readonly blocks: string[] = [];
  private hash: Hash = createHash('sha256');
  private inBlock = 0;
  private readonly last: readonly string[] | undefined;
  private readonly blockBytes: number;
  /** Whether the bytes so far differ from the last body's (always true without one). */
  differs: boolean;

  /**
   * `last`: the fingerprint of the last body of the same request, if one was read; `compressed`: the
   * bytes are the body as it came compressed (fingerprinted in smaller blocks).
   */
  constructor(last?: string, options: { compressed?: boolean } = {}) {
    this.last = last?.split(SEPARATOR);
    this.differs = last === undefined;
    this.blockBytes = options.compressed ? COMPRESSED_BLOCK_BYTES : BLOCK_BYTES;
  }

  update(chunk: Uint8Array): void {
    let offset = 0;
    while (offset < chunk.byteLength) {
      const taken = Math.min(this.blockBytes - this.inBlock, chunk.byteLength - offset);
      this.hash.update(chunk.subarray(offset, offset + taken));
      this.inBlock += taken;
      offset += taken;
      if (this.inBlock === this.blockBytes) this.endBlock();
    }
  }

  /** The whole body's fingerprint, once every byte came. */
  digest(): string {
    if (this.inBlock > 0 || this.blocks.length === 0) this.endBlock();
    if (this.last?.length !== this.blocks.length) this.differs = true;
    return this.blocks.join(SEPARATOR);
  }

  private endBlock(): void {
    const digest = this.hash.digest('base64');
    if (this.last?.[this.blocks.length] !== digest) this.differs = true;
    this.blocks.push(digest);
    this.hash = createHash('sha256');
    this.inBlock = 0;
  }
}

/**
 * A body's fingerprint, taken as it arrives: the SHA-256 of each MiB of it. The same bytes give the same
 * fingerprint, and a body can be seen to differ from the last one of its request while it still downloads,
 * so the stats worker reads along only the answers that changed (a Refresh of an ended call gets every
 * answer the same again; one of a LIVE call, mostly the same but for the peer still in it).
 */
import { createHash, type Hash } from 'node:crypto';

/** Large enough that a digest per block costs nothing; small enough that a difference shows early. */
const BLOCK_BYTES = 1024 * 1024;
const SEPARATOR = '.';

export class BodyFingerprint {
  private readonly blocks: string[] = [];
  private hash: Hash = createHash('sha256');
  private inBlock = 0;
  private readonly last: readonly string[] | undefined;
  /** Whether the bytes so far differ from the last body's (always true without one). */
  differs: boolean;

  /** `last`: the fingerprint of the last body of the same request, if one was read. */
  constructor(last?: string) {
    this.last = last?.split(SEPARATOR);
    this.differs = last === undefined;
  }

  update(chunk: Uint8Array): void {
    let offset = 0;
    while (offset < chunk.byteLength) {
      const taken = Math.min(BLOCK_BYTES - this.inBlock, chunk.byteLength - offset);
      this.hash.update(chunk.subarray(offset, offset + taken));
      this.inBlock += taken;
      offset += taken;
      if (this.inBlock === BLOCK_BYTES) this.endBlock();
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

/**
 * A network link of a set speed that every answer's body shares, as a user's connection to the API
 * does: on loopback a 41 MB answer arrives faster than anything can parse it, which no user sees.
 * Bodies go out a piece at a time, each when the link is free, so answers sent at once share it.
 */
import type { ServerResponse } from 'node:http';

const PIECE_BYTES = 64 * 1024;

export class Link {
  /** When the link has sent what it was given (performance.now() time). */
  private freeAt = 0;
  private readonly bytesPerMs: number;

  constructor(megabitsPerSecond: number) {
    if (!(megabitsPerSecond > 0)) throw new Error(`The link's speed must be positive, got ${megabitsPerSecond} Mbit/s`);
    this.bytesPerMs = (megabitsPerSecond * 1_000_000) / 8 / 1000;
  }

  /** Writes the body and ends the response; stops when the client goes away. */
  async send(res: ServerResponse, body: Buffer): Promise<void> {
    for (let at = 0; at < body.byteLength && !res.destroyed; at += PIECE_BYTES) {
      const piece = body.subarray(at, at + PIECE_BYTES);
      const now = performance.now();
      this.freeAt = Math.max(now, this.freeAt) + piece.byteLength / this.bytesPerMs;
      if (this.freeAt - now >= 1) await new Promise((resolve) => setTimeout(resolve, this.freeAt - now));
      if (res.destroyed) return;
      if (!res.write(piece)) await drainedOrClosed(res);
    }
    res.end();
  }
}

/** Waits for the socket to take more or to close, leaving no listener behind (one per piece would pile up). */
function drainedOrClosed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    if (res.destroyed) return resolve();
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

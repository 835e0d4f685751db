/**
 * Compressed answers. The API's come through Cloudflare's network, which compresses JSON for a client
 * that accepts it (Brotli when it can): a 41 MB participant arrives as a few MB. A body kept for the
 * stats worker stays compressed until it is read there, so the extension host's thread neither inflates
 * nor carries tens of MB; other answers are decoded as they arrive (decodingStream).
 */
import type { Transform } from 'node:stream';
import * as zlib from 'node:zlib';
import { joinChunks, type BodyChunks } from './bodyChunks';

export type ContentEncoding = 'gzip' | 'deflate' | 'br';

/** The encoding a Content-Encoding header names, if it is one decoded here (none, or identity: undefined). */
export function contentEncodingOf(header: string | null | undefined): ContentEncoding | undefined {
  switch (header?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return 'gzip';
    case 'deflate':
      return 'deflate';
    case 'br':
      return 'br';
    default:
      return undefined;
  }
}

/** Said when a body decodes to more than the answers' cap (the client's "too large" is about what came). */
export class DecodedTooLarge extends Error {
  constructor(readonly limitBytes: number) {
    super(`The answer is larger than ${Math.round(limitBytes / 1024 / 1024)} MB once decompressed`);
    this.name = 'DecodedTooLarge';
  }
}

/**
 * Decoded text comes in pieces as large as a socket's reads, not zlib's default of 16 KB: each piece
 * costs its reader a stream event and a copy, and a compressed 14.5 MB report decoded on the extension
 * host took 28-30 ms of its thread in 892 pieces, 16 in 230.
 */
const DECODED_PIECES = 64 * 1024;

/** A stream that decodes the body as it arrives, in pieces of 64 KB (its reader counts them against the cap). */
export function decodingStream(encoding: ContentEncoding): Transform {
  const options = { chunkSize: DECODED_PIECES };
  switch (encoding) {
    case 'gzip':
      return zlib.createGunzip(options);
    case 'deflate':
      return zlib.createInflate(options);
    case 'br':
      return zlib.createBrotliDecompress(options);
  }
}

/** A body's pieces joined, and decoded when they came compressed: at once, for a thread that may block (the stats worker) or a small body. */
export function wholeBody(chunks: BodyChunks, encoding: ContentEncoding | undefined, limitBytes: number): Uint8Array {
  const bytes = joinChunks(chunks);
  return encoding ? decodeWhole(bytes, encoding, limitBytes) : bytes;
}

function decodeWhole(bytes: Uint8Array, encoding: ContentEncoding, limitBytes: number): Uint8Array {
  const options = { maxOutputLength: limitBytes };
  try {
    switch (encoding) {
      case 'gzip':
        return zlib.gunzipSync(bytes, options);
      case 'deflate':
        return zlib.inflateSync(bytes, options);
      case 'br':
        return zlib.brotliDecompressSync(bytes, options);
    }
  } catch (error) {
    throw decodingError(error, limitBytes);
  }
}

/**
 * The body decoded off this thread (zlib's thread pool), for the extension host: in the pieces it
 * decodes to, to be joined a slice at a time. zlib's one-call form joins its output at once on this
 * thread, and for the 69 MB report that held the extension host for 250-400 ms.
 */
export async function decodeElsewhere(chunks: BodyChunks, encoding: ContentEncoding, limitBytes: number): Promise<Uint8Array[]> {
  const stream = decodingStream(encoding);
  for (const chunk of chunks) stream.write(chunk);
  stream.end();
  const pieces: Uint8Array[] = [];
  let decoded = 0;
  try {
    for await (const piece of stream as AsyncIterable<Uint8Array>) {
      decoded += piece.byteLength;
      if (decoded > limitBytes) throw new DecodedTooLarge(limitBytes);
      pieces.push(piece);
    }
  } catch (error) {
    stream.destroy();
    throw error instanceof DecodedTooLarge ? error : decodingError(error, limitBytes);
  }
  return pieces;
}

function decodingError(error: unknown, limitBytes: number): Error {
  if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return new DecodedTooLarge(limitBytes);
  return new Error(`The answer could not be decompressed: ${(error as Error).message}`);
}

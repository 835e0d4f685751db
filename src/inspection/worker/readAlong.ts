/**
 * Bodies decoded and parsed as they arrive, in the stats worker (incrementalJson.ts), so that after an
 * answer's last byte almost nothing of it is left to read: JSON.parse of a 69 MB report after it took
 * 650-950 ms. A body is kept until a job takes it or the host forgets it, and the oldest go when they add
 * up to too much.
 */
import type { Transform } from 'node:stream';
import { MAX_RESPONSE_BYTES } from '../../api/bodyChunks';
import { decodingStream, type ContentEncoding } from '../../api/contentEncoding';
import { IncrementalJson } from '../../api/incrementalJson';
import { qualityRowsAt } from '../../api/normalizeStats';

interface BodyRead {
  /** For a compressed body: what decodes its pieces (asynchronously, in zlib's thread pool), and the bytes it gave. */
  inflating?: { stream: Transform; bytes: number };
  /** Set when its end came and it is still being decoded: settles once it is read. */
  finishing?: Promise<void>;
  /** The bytes after the last piece's last ASCII byte, decoded with the next piece. */
  carry?: Uint8Array;
  /** Some bytes were decoded: a byte order mark now is text. */
  decoded: boolean;
  json: IncrementalJson;
  /** Characters read: what the bound counts (parsed, the 69 MB report takes about as much heap: 67 MB). */
  characters: number;
  /** Every byte came and the text ended; then `parsed`, unless it was not JSON. */
  complete: boolean;
  parsed?: { value: unknown };
}

/** About two of the largest answers (a 69 MB report): more waiting to be taken means they never will be. */
const KEPT_CHARACTERS = 160 * 1024 * 1024;

/** A body's first piece loses a byte order mark, as when decoded whole; a later one keeps what it holds. */
const firstDecoder = new TextDecoder();
const laterDecoder = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * The piece decoded up to its last ASCII byte, with the bytes carried from the last piece; the bytes
 * after it are carried to the next. Decoding each piece whole costs two thirds of TextDecoder's
 * streaming mode, and gives the same text: after an ASCII byte the streaming decoder holds nothing.
 */
function decodeUpToLastAscii(body: BodyRead, chunk: Uint8Array, last = false): string {
  let bytes = chunk;
  if (body.carry) {
    bytes = new Uint8Array(body.carry.byteLength + chunk.byteLength);
    bytes.set(body.carry);
    bytes.set(chunk, body.carry.byteLength);
    body.carry = undefined;
  }
  let cut = bytes.byteLength;
  while (!last && cut > 0 && bytes[cut - 1] >= 0x80) cut--;
  if (cut < bytes.byteLength) body.carry = bytes.slice(cut);
  if (cut === 0) return '';
  const decoder = body.decoded ? laterDecoder : firstDecoder;
  body.decoded = true;
  return decoder.decode(bytes.subarray(0, cut));
}

export class BodiesReadAlong {
  private readonly bodies = new Map<number, BodyRead>();
  private characters = 0;

  constructor(private readonly keptCharacters = KEPT_CHARACTERS) {}

  /** `encoding`: the pieces are compressed so (as every piece of the body says). */
  push(id: number, chunk: Uint8Array, encoding?: ContentEncoding): void {
    let body = this.bodies.get(id);
    if (!body) {
      body = { json: new IncrementalJson(undefined, qualityRowsAt), decoded: false, characters: 0, complete: false };
      if (encoding) body.inflating = this.inflate(body, encoding);
      this.bodies.set(id, body);
    }
    if (!body.inflating) this.add(body, decodeUpToLastAscii(body, chunk));
    else if (!body.inflating.stream.destroyed) body.inflating.stream.write(chunk);
  }

  /** `complete`: every byte came; otherwise the body is dropped. A compressed one is read once it is decoded (settled). */
  end(id: number, complete: boolean): void {
    const body = this.bodies.get(id);
    if (!body) return;
    if (!complete) return this.forget([id]);
    const inflating = body.inflating;
    if (!inflating) return this.finish(body);
    // It did not decode, or went past the cap: left incomplete.
    if (inflating.stream.destroyed) return;
    body.finishing = new Promise<void>((resolve) => {
      inflating.stream.once('end', () => resolve(this.finish(body)));
      inflating.stream.once('close', resolve);
    }).finally(() => (body.finishing = undefined));
    inflating.stream.end();
  }

  /** Settles once every body whose end came is read: a job on one of them waits for this. */
  async settled(): Promise<void> {
    await Promise.all([...this.bodies.values()].map((body) => body.finishing));
  }

  /**
   * The body parsed, once: undefined when it is not (or no longer) here whole, or is not JSON (the
   * caller then reads the bytes itself, and says what is wrong with them).
   */
  take(id: number): { value: unknown; characters: number } | undefined {
    const body = this.bodies.get(id);
    this.forget([id]);
    return body?.complete && body.parsed ? { ...body.parsed, characters: body.characters } : undefined;
  }

  forget(ids: readonly number[]): void {
    for (const id of ids) {
      const body = this.bodies.get(id);
      if (!body) continue;
      body.inflating?.stream.destroy();
      this.characters -= body.characters;
      this.bodies.delete(id);
    }
  }

  private finish(body: BodyRead): void {
    if (body.carry) this.add(body, decodeUpToLastAscii(body, new Uint8Array(0), true));
    body.parsed = body.json.end();
    body.complete = true;
  }

  /**
   * Decodes the pieces as they come. Past the answers' cap, or when they do not decode, the body is left
   * incomplete: the job reads its pieces whole instead, and says what is wrong with them.
   */
  private inflate(body: BodyRead, encoding: ContentEncoding): NonNullable<BodyRead['inflating']> {
    const inflating = { stream: decodingStream(encoding), bytes: 0 };
    inflating.stream.on('data', (piece: Uint8Array) => {
      inflating.bytes += piece.byteLength;
      if (inflating.bytes > MAX_RESPONSE_BYTES) inflating.stream.destroy();
      else this.add(body, decodeUpToLastAscii(body, piece));
    });
    // A stream that fails is destroyed: the body stays incomplete.
    inflating.stream.on('error', () => undefined);
    return inflating;
  }

  private add(body: BodyRead, text: string): void {
    body.json.push(text);
    body.characters += text.length;
    this.characters += text.length;
    // Oldest first (a Map keeps the order bodies came in); the one being read stays.
    for (const [id, kept] of this.bodies) {
      if (this.characters <= this.keptCharacters) break;
      if (kept !== body) this.forget([id]);
    }
  }
}

/** This thread's bodies read along (the worker's; on the host it stays empty). */
export const bodiesReadAlong = new BodiesReadAlong();

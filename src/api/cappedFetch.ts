/**
 * A fetch that refuses answers over a size: a declared Content-Length over it is refused unread, and a
 * streamed body is counted as it arrives and its connection closed once it goes over. axios's own
 * maxContentLength stops reading but leaves the connection open (and some versions of its fetch adapter
 * ignore it), so the cap lives around the fetch axios calls. The request itself goes over Node's http
 * module (nodeGet.ts), not the global fetch.
 */

import { Buffer } from 'node:buffer';
import { joinInSlices, type BodyReadAlong } from './bodyChunks';
import { BodyFingerprint } from './bodyFingerprint';
import type { ContentEncoding } from './contentEncoding';
import { decodedBody, nodeGet } from './nodeGet';

/** The `code` axios keeps when it wraps the error. */
export const RESPONSE_TOO_LARGE = 'ERR_RESPONSE_TOO_LARGE';

export class ResponseTooLarge extends Error {
  readonly code = RESPONSE_TOO_LARGE;

  constructor(readonly limitBytes: number) {
    super(`The answer is larger than ${limitBytes} bytes`);
    this.name = 'ResponseTooLarge';
  }
}

/**
 * A caller may put a FetchTap under this key in the fetch options (axios passes its fetchOptions on):
 * it is told when the headers and the last byte arrived (Date.now()) and how many bytes came.
 */
export const FETCH_TAP = 'rtkTap';
export class FetchTap {
  // A class, not a plain object: axios deep-copies plain objects in its config, and this one is written to.
  headers?: number;
  lastByte?: number;
  bytes?: number;
  /**
   * Asked for by the caller: a successful answer's body comes here, in the pieces it came in, with its
   * fingerprint taken as they arrived, and axios gets an empty one. Nothing is joined or copied, so an
   * answer found the same as last time costs nothing once its last byte is in (see KeptBody).
   */
  keepBody?: boolean;
  body?: KeptBody;
  /**
   * For a kept body of READ_ALONG_BYTES or more: someone to read it along as it arrives, if any; asked
   * only once the body differs from the last one of the request (`lastFingerprint`), if there was one.
   * A compressed body is read along as it came, with its encoding.
   */
  readAlong?: (encoding?: ContentEncoding) => BodyReadAlong | undefined;
  lastFingerprint?: string;
}

/** A body as it came, and its fingerprint. */
export interface KeptBody {
  /** In the order they came; one piece when the length was declared. Compressed when `encoding` says so. */
  chunks: Uint8Array[];
  /**
   * A compressed body is kept as it came and decoded where it is read (the stats worker), so the
   * extension host's thread never inflates it; its fingerprint is of the compressed bytes.
   */
  encoding?: ContentEncoding;
  /** Whoever read it along as it came (all of it). */
  readAlong?: BodyReadAlong;
  /**
   * The SHA-256 of each MiB of the bytes (BodyFingerprint). An ended session's answers never change, so a
   * Refresh that gets the same bytes again keeps what it read instead of reading tens of MB again. About
   * 0.6 ms per MB, paid as each piece arrives.
   */
  fingerprint: string;
}

/** A smaller body is not read along: it is read at once, sooner than its pieces could cross. */
const READ_ALONG_BYTES = 1024 * 1024;
/** The same for a compressed body, which decodes to 5-20 times as much JSON. */
const READ_ALONG_ENCODED_BYTES = 128 * 1024;

/** How long reading a body goes on before other work may run. */
const READ_SLICE_MS = 8;

/** Statuses whose Response may not carry a body: passed on as they are. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

const byLimit = new Map<number, typeof fetch>();

/** One function per limit: axios caches its adapter per fetch function, so a new one per call would pile up. */
export function cappedFetch(limitBytes: number): typeof fetch {
  let capped = byLimit.get(limitBytes);
  if (!capped) {
    capped = (input, init) => fetchAtMost(limitBytes, input, init);
    byLimit.set(limitBytes, capped);
  }
  return capped;
}

async function fetchAtMost(limitBytes: number, input: Parameters<typeof fetch>[0], init: Parameters<typeof fetch>[1]): Promise<Response> {
  const tap = (init as Record<string, unknown> | undefined)?.[FETCH_TAP] as FetchTap | undefined;
  const response = await nodeGet(input instanceof Request ? input : new Request(input, init));
  if (tap) tap.headers = tap.lastByte = Date.now();
  const hash =
    tap?.keepBody && response.status >= 200 && response.status < 300
      ? new BodyFingerprint(tap.lastFingerprint, { compressed: response.encoding !== undefined })
      : undefined;
  const keptEncoded = hash ? response.encoding : undefined;
  const body = keptEncoded ? response.body : decodedBody(response);
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > limitBytes) {
    body.destroy(); // closes the connection: the body is never downloaded
    throw new ResponseTooLarge(limitBytes);
  }
  const responseInit = { status: response.status, statusText: response.statusText, headers: response.headers };
  if (NULL_BODY_STATUSES.has(response.status)) {
    body.resume();
    if (hash && tap) tap.body = { chunks: [], fingerprint: hash.digest() };
    return readResponse(new Uint8Array(0), responseInit);
  }
  // Read here in one loop rather than through a second stream: the whole body is wanted anyway, and
  // a stream around the stream cost a promise and a copy per chunk (hundreds of answers per overview).
  // With its length declared (and not decoded here), each chunk goes straight to its place in the body
  // as it arrives, so the last byte leaves no 70 MB copy to make on this thread. Its memory is not
  // zeroed first: only the bytes received are ever handed on, and zeroing three 14 MB bodies as their
  // headers came held the extension host for 150-270 ms in CPU profiles (new memory costs about 3 ms a
  // MB on the development VM); unzeroed, each page is paid as a piece lands on it, between other tasks.
  let whole: Uint8Array | undefined = declared > 0 && (keptEncoded || !response.encoding) ? Buffer.allocUnsafeSlow(declared) : undefined;
  const chunks: Uint8Array[] = [];
  let received = 0;
  let sliceStarted = performance.now();
  let along: BodyReadAlong | undefined;
  let alongAsked = false;
  try {
    for await (const value of body as AsyncIterable<Uint8Array>) {
      if (received + value.byteLength > limitBytes) {
        body.destroy(); // closes the connection: the rest is never downloaded
        throw new ResponseTooLarge(limitBytes);
      }
      hash?.update(value);
      // A body the same as the last one so far is not read along: it may need no reading at all.
      if (hash?.differs && !alongAsked && received + value.byteLength >= (keptEncoded ? READ_ALONG_ENCODED_BYTES : READ_ALONG_BYTES)) {
        alongAsked = true;
        along = tap?.readAlong?.(keptEncoded);
        if (whole) along?.push(whole.subarray(0, received));
        else for (const chunk of chunks) along?.push(chunk);
      }
      along?.push(value);
      if (whole && received + value.byteLength <= whole.byteLength) {
        whole.set(value, received);
      } else {
        // More than declared: the chunks are kept as they came after all.
        if (whole) chunks.push(whole.subarray(0, received));
        whole = undefined;
        // A piece that is a view into a larger buffer (a socket's read, a decoder's output) is copied
        // out: the stats worker takes pieces that are their whole buffers as they are.
        chunks.push(value.byteLength === value.buffer.byteLength ? value : new Uint8Array(value));
      }
      received += value.byteLength;
      // Chunks already here are read in one run of microtasks: tens of MB held the host for 50 ms.
      if (performance.now() - sliceStarted > READ_SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStarted = performance.now();
      }
    }
  } catch (error) {
    along?.end(false);
    body.destroy();
    if (error instanceof ResponseTooLarge || (error as Error).name === 'AbortError') throw error;
    // As fetch fails when a body breaks off, so that axios reads it as a network error and retries.
    throw new TypeError('fetch failed', { cause: error });
  }
  along?.end(true);
  if (whole) chunks.push(whole.subarray(0, received));
  if (tap) Object.assign(tap, { lastByte: Date.now(), bytes: received });
  if (hash && tap) {
    tap.body = { chunks, fingerprint: hash.digest(), readAlong: along, encoding: keptEncoded };
    return readResponse(new Uint8Array(0), responseInit);
  }
  return readResponse(await joinInSlices(chunks), responseInit);
}

/**
 * A response over a body already read. `new Response(bytes)` would copy the bytes once when made and
 * once more when axios reads them (tens of MB each, on the extension host's thread): this one hands
 * them over as they are. axios reads answers with arrayBuffer() or text() (see RealtimeKitHttp).
 */
function readResponse(bytes: Uint8Array, init: ResponseInit): Response {
  const text = async () => new TextDecoder().decode(bytes);
  return Object.assign(new Response(null, init), {
    arrayBuffer: async () => {
      const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
      return (whole ? bytes.buffer : bytes.slice().buffer) as ArrayBuffer;
    },
    text,
    json: async (): Promise<unknown> => JSON.parse(await text()),
  });
}

/**
 * Answers compressed as Cloudflare's network compresses the API's: with Brotli or gzip, whichever the
 * client accepts (Brotli first), for JSON answers of status 200, 403 and 404 only
 * (developers.cloudflare.com/speed/optimization/content/compression). Off unless asked for: the
 * benchmarks' figures so far were taken without it, and a client that sends no Accept-Encoding (curl
 * without --compressed) gets plain text either way.
 */
import * as zlib from 'node:zlib';

export type ContentEncoding = 'br' | 'gzip';

/** The statuses Cloudflare compresses. */
const COMPRESSED_STATUSES = new Set([200, 403, 404]);

/** A quality an edge can afford on every answer (11 is for static files compressed once). */
const BROTLI_QUALITY = 4;

/** The encoding to answer in, from the request's Accept-Encoding; undefined: none it accepts. */
export function chosenEncoding(acceptEncoding: string | string[] | undefined, status: number): ContentEncoding | undefined {
  if (!COMPRESSED_STATUSES.has(status) || acceptEncoding === undefined) return undefined;
  const accepted = new Map<string, number>();
  for (const part of [acceptEncoding].flat().join(',').split(',')) {
    const [name, ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
    if (!name) continue;
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    accepted.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (name: string) => accepted.get(name) ?? accepted.get('*') ?? 0;
  if (weightOf('br') > 0) return 'br';
  if (weightOf('gzip') > 0) return 'gzip';
  return undefined;
}

/**
 * The answer's body compressed: once, when the server keeps the answer (a cached report, compressed
 * forms and all); otherwise each time, as it is built each time.
 */
export function compressed(
  answer: { text: string; encoded?: Partial<Record<ContentEncoding, Buffer>> },
  encoding: ContentEncoding,
): Buffer {
  if (!answer.encoded) return compress(answer.text, encoding);
  return (answer.encoded[encoding] ??= compress(answer.text, encoding));
}

function compress(text: string, encoding: ContentEncoding): Buffer {
  const input = Buffer.from(text);
  if (encoding === 'gzip') return zlib.gzipSync(input);
  return zlib.brotliCompressSync(input, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: input.byteLength,
    },
  });
}

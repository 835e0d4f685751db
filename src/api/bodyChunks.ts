/**
 * An answer's body in the pieces it came in. It stays in pieces until something needs it whole: the
 * stats worker joins it on its own thread, and the extension host joins it only for Raw JSON or an
 * export, a slice at a time.
 */

export type BodyChunks = readonly Uint8Array[];

/**
 * Far above a normal answer (a participant's three peers of 20,000 samples per series are about 40 MB;
 * 100,000 samples per series about 70 MB), yet a bound on what one answer may cost in memory.
 */
export const MAX_RESPONSE_BYTES = 128 * 1024 * 1024;

export function byteLengthOf(chunks: BodyChunks): number {
  return chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
}

/** The body in one buffer, at once: for a thread that may block (the stats worker) or a small body. */
export function joinChunks(chunks: BodyChunks): Uint8Array {
  const joining = join(chunks);
  let step = joining.next();
  while (!step.done) step = joining.next();
  return step.value;
}

/**
 * Joins at most this many bytes before letting other work run. Copying into new memory is paid page
 * by page: in a VM that was 0.25 s for 68 MB, one stall of the extension host had it been done at once.
 */
const JOIN_SLICE_BYTES = 2 * 1024 * 1024;

/** The body in one buffer, joined a slice at a time between other tasks. */
export async function joinInSlices(chunks: BodyChunks): Promise<Uint8Array> {
  const joining = join(chunks);
  let sliceEnd = JOIN_SLICE_BYTES;
  let step = joining.next();
  while (!step.done) {
    if (step.value >= sliceEnd) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceEnd = step.value + JOIN_SLICE_BYTES;
    }
    step = joining.next();
  }
  return step.value;
}

/** Copies the pieces into one buffer, telling how far it got after each; one piece is handed over as it is. */
function* join(chunks: BodyChunks): Generator<number, Uint8Array> {
  if (chunks.length === 1) return chunks[0];
  const body = new Uint8Array(byteLengthOf(chunks));
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
    yield offset;
  }
  return body;
}

/**
 * Someone who reads a body along as it arrives, elsewhere (the stats worker decodes it while the rest
 * still downloads, so less is left to do after the last byte). The pieces pushed stay the caller's.
 */
export interface BodyReadAlong {
  /** What the answer is known by to whoever read it along. */
  readonly id: number;
  push(chunk: Uint8Array): void;
  /** `complete`: every byte was pushed; otherwise the body is dropped (an error, a cancel). */
  end(complete: boolean): void;
}

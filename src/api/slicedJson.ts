/**
 * JSON.parse of a UTF-8 body that lets other work run between slices, for the few answers the extension
 * host must hold parsed (a command resolves to the API's `data`): a 69 MB report parsed at once stalled
 * it for half a second. One pass over the bytes finds the members of each container; a container under
 * `smallBytes` is parsed whole by JSON.parse later, and runs of small members of a large one are parsed
 * in batches, so almost all the work is still the native parser's. Structural characters are ASCII and
 * UTF-8 never uses ASCII bytes inside a multi-byte character, so the bytes are scanned undecoded. Pure.
 */
import { BACKSLASH, CLOSE_ARRAY, CLOSE_OBJECT, COLON, COMMA, OPEN_ARRAY, OPEN_OBJECT, QUOTE, setOwn } from './jsonSyntax';

export interface SliceOptions {
  /** Work done before yielding, in ms. */
  sliceMs?: number;
  /** A container this size or smaller is parsed in one JSON.parse call. */
  smallBytes?: number;
  /** Lets other work run; by default a macrotask (setTimeout 0 where setImmediate is missing). */
  yieldNow?: () => Promise<void>;
}

const macrotask = (): Promise<void> =>
  new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));

interface Frame {
  open: number;
  isObject: boolean;
  /** Where the member being read starts (just after the opening bracket or the last comma). */
  memberStart: number;
  /** The member's colon (objects), or -1. */
  colon: number;
  /** Where this frame's members begin in the member stack. */
  base: number;
}

/** Members are kept as (start, colon, end) triples in one growing typed array: no object per member. */
class MemberStack {
  private data = new Int32Array(3 * 1024);
  length = 0;

  push(start: number, colon: number, end: number): void {
    if (this.length + 3 > this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = start;
    this.data[this.length++] = colon;
    this.data[this.length++] = end;
  }

  at(index: number): number {
    return this.data[index];
  }
}

const isSpace = (byte: number) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

/** The parsed value, or undefined when the bytes are not JSON (as parseJson answers). */
export async function parseJsonInSlices(bytes: Uint8Array, options: SliceOptions = {}): Promise<unknown> {
  const sliceMs = options.sliceMs ?? 8;
  // Under V8's large-object size (128 KB): bigger strings and arrays each take new memory, paid page by page.
  const smallBytes = options.smallBytes ?? 64 * 1024;
  const yieldNow = options.yieldNow ?? macrotask;
  const decoder = new TextDecoder();
  const text = (from: number, to: number) => decoder.decode(bytes.subarray(from, to));
  try {
    if (bytes.byteLength <= smallBytes) return JSON.parse(text(0, bytes.byteLength));
    let sliceStarted = performance.now();
    const pause = async () => {
      if (performance.now() - sliceStarted < sliceMs) return;
      await yieldNow();
      sliceStarted = performance.now();
    };

    // A BOM and blank space may come first; a body that is not an object or array goes to JSON.parse as it is.
    let first = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    while (first < bytes.length && isSpace(bytes[first])) first++;
    if (bytes[first] !== OPEN_OBJECT && bytes[first] !== OPEN_ARRAY) return JSON.parse(text(0, bytes.byteLength));

    const members = new MemberStack();
    /** Large containers already built, by the offset of their opening bracket, with where they end. */
    const built = new Map<number, { value: unknown; end: number }>();
    const frames: Frame[] = [];
    let root: { open: number; end: number } | undefined;

    const endMember = (frame: Frame, end: number) => {
      let start = frame.memberStart;
      while (start < end && isSpace(bytes[start])) start++;
      if (start < end) members.push(start, frame.colon, end);
    };

    /** A large container from its members: built values as they are, runs of small ones in batches. */
    const build = async (frame: Frame): Promise<unknown> => {
      const result: object = frame.isObject ? {} : [];
      let batchStart = -1;
      let batchEnd = -1;
      const flush = async () => {
        if (batchStart < 0) return;
        const inner = text(batchStart, batchEnd);
        if (frame.isObject) for (const [key, value] of Object.entries(JSON.parse(`{${inner}}`) as object)) setOwn(result, key, value);
        else for (const item of JSON.parse(`[${inner}]`) as unknown[]) (result as unknown[]).push(item);
        batchStart = -1;
        await pause();
      };
      for (let index = frame.base; index < members.length; index += 3) {
        const start = members.at(index);
        const colon = members.at(index + 1);
        const end = members.at(index + 2);
        let valueStart = frame.isObject ? colon + 1 : start;
        while (valueStart < end && isSpace(bytes[valueStart])) valueStart++;
        if (!built.has(valueStart)) {
          if (batchStart < 0) batchStart = start;
          batchEnd = end;
          if (batchEnd - batchStart >= smallBytes) await flush();
          continue;
        }
        await flush();
        const { value, end: valueEnd } = built.get(valueStart)!;
        built.delete(valueStart);
        for (let after = valueEnd; after < end; after++) if (!isSpace(bytes[after])) throw new SyntaxError('text after a value');
        if (frame.isObject) {
          const key: unknown = colon < 0 ? undefined : JSON.parse(text(start, colon));
          if (typeof key !== 'string') throw new SyntaxError('a member without a key');
          setOwn(result, key, value);
        } else (result as unknown[]).push(value);
      }
      await flush();
      members.length = frame.base;
      return result;
    };

    let nextPause = first;
    for (let i = first; i < bytes.length; i++) {
      if (i >= nextPause) {
        await pause();
        nextPause = i + 0x10000;
      }
      const byte = bytes[i];
      switch (byte) {
        case QUOTE: {
          // The string's end found natively: the next quote not escaped by an odd run of backslashes.
          let end = bytes.indexOf(QUOTE, i + 1);
          for (;;) {
            if (end < 0) return undefined;
            let backslashes = 0;
            while (bytes[end - 1 - backslashes] === BACKSLASH) backslashes++;
            if (backslashes % 2 === 0) break;
            end = bytes.indexOf(QUOTE, end + 1);
          }
          i = end;
          break;
        }
        case OPEN_OBJECT:
        case OPEN_ARRAY:
          if (root) return undefined;
          frames.push({ open: i, isObject: byte === OPEN_OBJECT, memberStart: i + 1, colon: -1, base: members.length });
          break;
        case COLON: {
          const frame = frames[frames.length - 1];
          if (frame?.isObject && frame.colon < 0) frame.colon = i;
          break;
        }
        case COMMA: {
          const frame = frames[frames.length - 1];
          if (!frame) return undefined;
          endMember(frame, i);
          frame.memberStart = i + 1;
          frame.colon = -1;
          break;
        }
        case CLOSE_OBJECT:
        case CLOSE_ARRAY: {
          const frame = frames.pop();
          if (!frame || frame.isObject !== (byte === CLOSE_OBJECT)) return undefined;
          endMember(frame, i);
          if (i + 1 - frame.open > smallBytes) built.set(frame.open, { value: await build(frame), end: i + 1 });
          else members.length = frame.base;
          if (frames.length === 0) root = { open: frame.open, end: i + 1 };
          break;
        }
        default:
          // Outside every container only blank space may follow the root.
          if (frames.length > 0 || isSpace(byte)) break;
          return undefined;
      }
    }
    if (!root || frames.length > 0) return undefined;
    return built.has(root.open) ? built.get(root.open)!.value : JSON.parse(text(root.open, root.end));
  } catch {
    return undefined;
  }
}

/**
 * JSON.parse of text that arrives in pieces, done as it arrives: after the last piece almost nothing is
 * left to parse. A container stays text until it is over 64 KB and still open; then it is built, and
 * runs of its finished members are parsed in batches of about 64 KB by JSON.parse, so the native parser
 * still does almost all the work. Text is scanned about 64 KB at a time; in a compact array of objects
 * or arrays, the members up to its last "},{" or "],[" go to JSON.parse unscanned when it takes them
 * (see leap), as scanning every character was most of the CPU. Only the text not yet parsed is kept.
 * The result is JSON.parse's (own properties even for "__proto__", the last of duplicate keys, in
 * first-seen order); text that is not JSON gives no result, and the caller parses it whole for the
 * error. An array the caller collects (`collect`, by its path) gets its members as they are parsed, in
 * runs, and stands in the result where the array would: a report's quality rows then die young (see
 * qualityRows.ts). Pure.
 */

import { BACKSLASH, CLOSE_ARRAY, CLOSE_OBJECT, COMMA, OPEN_ARRAY, OPEN_OBJECT, QUOTE, setOwn } from './jsonSyntax';

/** Under V8's large-object size (128 KB), as slicedJson's batches. */
const LARGE = 64 * 1024;

/** Where a container is in the text: the keys and indexes from the root to it. */
export type JsonPath = ReadonlyArray<string | number>;

/** What takes a large array's members, a run at a time, and stands for the array in the result. */
export interface ArrayCollector {
  add(members: readonly unknown[]): void;
}

interface Frame {
  /** Offset of the opening bracket (offsets count from the first character pushed). */
  open: number;
  isObject: boolean;
  /** Where the member being read starts: just after the opening bracket or the last comma. */
  memberStart: number;
  /** Once built: the container, filled as its members end (or the collector given its members). */
  value?: object;
  /** Built: where it is. */
  path?: JsonPath;
  collector?: ArrayCollector;
  /** Built: where its finished members not yet parsed start, or -1 while the member being read is a built container. */
  runStart: number;
  /** Built: where the built container that is its member being read ended (-1: still open, or none). */
  childEnd: number;
  /** A leap over its members failed once: they are scanned from then on. */
  scanOnly?: boolean;
}

class NotJson extends Error {}

/** JSON's blank space only: a regular expression's \s takes U+FEFF and U+00A0 too, which JSON.parse refuses. */
const blank = (text: string) => /^[ \t\n\r]*$/.test(text);

const MEMBER_KEY = /^[ \t\n\r]*("(?:[^"\\]|\\.)*")[ \t\n\r]*:[ \t\n\r]*$/s;

/**
 * Where the text's last "},{" or "],[" starts (-1: neither is in it): a leap may go to its comma. "],["
 * is looked for only after the last "},{": searched for backwards over the whole text, where arrays of
 * objects have none, it took most of the scan's time.
 */
function lastBetweenMembers(text: string): number {
  const object = text.lastIndexOf('},{');
  if (object < 0) return text.lastIndexOf('],[');
  let last = object;
  for (let array = text.indexOf('],[', object + 1); array >= 0; array = text.indexOf('],[', array + 1)) last = array;
  return last;
}

export class IncrementalJson {
  /** The text not yet parsed, from offset `base`. */
  private text = '';
  private base = 0;
  /** Offset scanned up to. */
  private scanned = 0;
  /** Inside a string that began before `scanned`. */
  private inString = false;
  private readonly frames: Frame[] = [];
  /** How many frames, from the outermost, are built. */
  private built = 0;
  private root: { open: number; end?: number; value?: unknown } | undefined;
  private failed = false;

  /**
   * `large`: a container open this long (characters) is built as it goes, and a run of its members this
   * long is parsed. `collect`: the collector of an array being built at that path, if it is collected.
   */
  constructor(
    private readonly large = LARGE,
    private readonly collect?: (path: JsonPath) => ArrayCollector | undefined,
  ) {}

  /** Adds the next piece of text. */
  push(piece: string): void {
    if (this.failed || piece.length === 0) return;
    this.text += piece;
    // Scanned a long run at a time, for a leap (see leap) to go far: small pieces would be scanned whole.
    if (this.base + this.text.length - this.scanned >= this.large) this.read();
  }

  /** The parsed value once every piece came, or undefined when the text is not JSON. */
  end(): { value: unknown } | undefined {
    this.read();
    if (this.failed) return undefined;
    const text = this.text;
    const root = this.root;
    this.fail();
    try {
      if (!root) return { value: JSON.parse(text) };
      if (root.end === undefined || this.inString || !blank(text.slice(root.end - this.base))) return undefined;
      return { value: root.value };
    } catch {
      return undefined;
    }
  }

  private read(): void {
    if (this.failed) return;
    try {
      this.scan();
    } catch (error) {
      if (!(error instanceof NotJson) && !(error instanceof SyntaxError)) throw error;
      this.fail();
    }
  }

  private fail(): void {
    this.failed = true;
    this.text = '';
    this.frames.length = 0;
    this.root = undefined;
  }

  private slice(from: number, to: number): string {
    return this.text.slice(from - this.base, to - this.base);
  }

  private scan(): void {
    const text = this.text;
    const base = this.base;
    const end = base + text.length;
    let i = this.scanned;
    // Where a leap may go (see leap), found once per scan: -1 not looked for yet.
    let leapTo = -1;
    if (this.inString) {
      i = this.stringEnd(i);
      if (i < 0) return this.keep(end);
      this.inString = false;
      i++;
    }
    for (; i < end; i++) {
      const code = text.charCodeAt(i - base);
      if (code === QUOTE) {
        const close = this.stringEnd(i + 1);
        if (close < 0) {
          this.inString = true;
          return this.keep(end);
        }
        i = close;
      } else if (code === OPEN_OBJECT || code === OPEN_ARRAY) this.open(i, code === OPEN_OBJECT);
      else if (code === COMMA) this.comma(i);
      else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
        this.close(i, code === CLOSE_OBJECT);
        if (this.mayLeap()) {
          if (leapTo < 0) leapTo = this.base + lastBetweenMembers(text) + 1;
          if (leapTo > i + 1) i = this.leap(i, leapTo);
        }
      }
    }
    this.keep(end);
  }

  /** The offset of the quote ending the string whose text goes on from `from`, or -1 when it has not come yet. */
  private stringEnd(from: number): number {
    let close = this.text.indexOf('"', from - this.base);
    for (;;) {
      if (close < 0) return -1;
      let backslashes = 0;
      while (this.text.charCodeAt(close - 1 - backslashes) === BACKSLASH) backslashes++;
      if (backslashes % 2 === 0) return close + this.base;
      close = this.text.indexOf('"', close + 1);
    }
  }

  private open(at: number, isObject: boolean): void {
    if (this.root?.end !== undefined) throw new NotJson();
    if (!this.root) {
      if (!blank(this.slice(this.base, at))) throw new NotJson();
      this.root = { open: at };
    }
    const parent = this.frames[this.frames.length - 1];
    // After a built container only blank space may come before the next comma.
    if (parent?.value && parent.runStart < 0 && parent.childEnd >= 0) throw new NotJson();
    this.frames.push({ open: at, isObject, memberStart: at + 1, runStart: at + 1, childEnd: -1 });
    this.buildLarge(at);
  }

  private comma(at: number): void {
    const frame = this.frames[this.frames.length - 1];
    if (!frame) throw new NotJson();
    if (frame.value) {
      if (frame.runStart < 0) {
        // The member was a built container: only blank space may follow it.
        if (frame.childEnd < 0 || !blank(this.slice(frame.childEnd, at))) throw new NotJson();
        frame.runStart = at + 1;
        frame.childEnd = -1;
      } else if (at - frame.runStart >= this.large) {
        this.parseRun(frame, at, true);
        frame.runStart = at + 1;
      }
    }
    frame.memberStart = at + 1;
    this.buildLarge(at);
  }

  private close(at: number, isObject: boolean): void {
    const frame = this.frames.pop();
    if (!frame || frame.isObject !== isObject) throw new NotJson();
    if (frame.value) {
      this.built--;
      if (frame.runStart < 0) {
        if (frame.childEnd < 0 || !blank(this.slice(frame.childEnd, at))) throw new NotJson();
      } else if (blank(this.slice(frame.runStart, at))) {
        // Nothing after the opening bracket is an empty container; nothing after a comma is not JSON.
        if (frame.runStart !== frame.open + 1) throw new NotJson();
      } else this.parseRun(frame, at);
    }
    const parent = this.frames[this.frames.length - 1];
    if (parent) {
      if (frame.value) parent.childEnd = at + 1;
      return;
    }
    this.root = { open: frame.open, end: at + 1, value: frame.value ?? JSON.parse(this.slice(frame.open, at + 1)) };
  }

  /** After a member of a built array ended. */
  private mayLeap(): boolean {
    const frame = this.frames[this.frames.length - 1];
    return this.built === this.frames.length && frame !== undefined && !frame.isObject && frame.runStart >= 0 && !frame.scanOnly;
  }

  /**
   * Parses at once the array's members up to `comma` (the piece's last "},{" or "],["), unscanned:
   * scanning each character cost 4-5x JSON.parse's CPU on arrays of samples. JSON.parse takes the run
   * only if that comma is one between the array's own members (one inside a string or a deeper
   * container leaves the run unclosed), so nothing is taken on a guess; after a miss the array's
   * members are scanned. Returns where scanning goes on from (before its next character).
   */
  private leap(at: number, comma: number): number {
    const frame = this.frames[this.frames.length - 1];
    try {
      this.parseRun(frame, comma, true);
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      frame.scanOnly = true;
      return at;
    }
    frame.runStart = comma + 1;
    frame.memberStart = comma + 1;
    return comma;
  }

  /** Builds the outermost containers not built yet that have grown large while open. */
  private buildLarge(at: number): void {
    while (this.built < this.frames.length && at - this.frames[this.built].open > this.large) {
      const frame = this.frames[this.built];
      const parent = this.built > 0 ? this.frames[this.built - 1] : undefined;
      // A collected array's members are parsed whole, however long.
      if (parent?.collector) return;
      const key = parent ? this.memberKey(parent, frame) : undefined;
      frame.path = parent && key !== undefined ? [...parent.path!, key] : [];
      frame.collector = frame.isObject ? undefined : this.collect?.(frame.path);
      frame.value = frame.collector ?? (frame.isObject ? {} : []);
      if (parent && key !== undefined) this.attach(parent, frame, key);
      // Its members so far end at its last comma.
      if (frame.memberStart > frame.open + 1) this.parseRun(frame, frame.memberStart - 1, true);
      frame.runStart = frame.memberStart;
      this.built++;
    }
  }

  /** A container being built's key in its parent (its index in an array), once the parent's finished members are parsed. */
  private memberKey(parent: Frame, child: Frame): string | number {
    if (parent.runStart >= 0 && parent.runStart < parent.memberStart) this.parseRun(parent, parent.memberStart - 1, true);
    const before = this.slice(parent.memberStart, child.open);
    if (!parent.isObject) {
      if (!blank(before)) throw new NotJson();
      return (parent.value as unknown[]).length;
    }
    const key = MEMBER_KEY.exec(before);
    if (!key) throw new NotJson();
    return JSON.parse(key[1]) as string;
  }

  /** Adds a container being built to its parent, after the parent's finished members. */
  private attach(parent: Frame, child: Frame, key: string | number): void {
    if (typeof key === 'string') setOwn(parent.value!, key, child.value);
    else (parent.value as unknown[]).push(child.value);
    parent.runStart = -1;
    parent.childEnd = -1;
  }

  /** Parses the finished members from `frame.runStart` to `to` into the frame's container; `toComma`: `to` is a comma. */
  private parseRun(frame: Frame, to: number, toComma = false): void {
    const run = this.slice(frame.runStart, to);
    if (toComma && blank(run)) throw new NotJson();
    if (frame.isObject) {
      const members = JSON.parse(`{${run}}`) as Record<string, unknown>;
      for (const key of Object.keys(members)) setOwn(frame.value!, key, members[key]);
    } else {
      const members = JSON.parse(`[${run}]`) as unknown[];
      if (frame.collector) return frame.collector.add(members);
      const into = frame.value as unknown[];
      for (let index = 0; index < members.length; index++) into.push(members[index]);
    }
  }

  /** Drops the text parsed already: what is kept starts where the first text still needed does. */
  private keep(scanned: number): void {
    this.scanned = scanned;
    let from = scanned;
    if (this.root?.end !== undefined) from = Math.min(from, this.root.end);
    else if (!this.root) from = this.base;
    if (this.built < this.frames.length) from = Math.min(from, this.frames[this.built].open);
    for (let index = 0; index < this.built; index++) {
      const frame = this.frames[index];
      // A built container member still open needs none of its parent's text; once ended, what follows it is checked.
      if (frame.runStart >= 0) from = Math.min(from, frame.runStart);
      else if (frame.childEnd >= 0) from = Math.min(from, frame.childEnd);
    }
    // A string still open is inside text kept above: the member being read of the innermost container.
    if (from > this.base) {
      this.text = this.text.slice(from - this.base);
      this.base = from;
    }
  }
}

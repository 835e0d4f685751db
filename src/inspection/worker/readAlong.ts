/**
 * Bodies decoded as they arrive, in the stats worker, so that after an answer's last byte only
 * JSON.parse is left: joining and decoding a 69 MB body after it cost 350-600 ms more. A body is kept
 * until a job takes its text or the host forgets it, and the oldest go when they add up to too much.
 */

interface BodyRead {
  decoder: InstanceType<typeof TextDecoder>;
  /** Built piece by piece (V8 keeps it as a rope; JSON.parse flattens it at almost no cost). */
  text: string;
  complete: boolean;
}

/** About two of the largest answers (a 69 MB report): more waiting to be taken means they never will be. */
const KEPT_CHARACTERS = 160 * 1024 * 1024;

export class BodiesReadAlong {
  private readonly bodies = new Map<number, BodyRead>();
  private characters = 0;

  constructor(private readonly keptCharacters = KEPT_CHARACTERS) {}

  push(id: number, chunk: Uint8Array): void {
    let body = this.bodies.get(id);
    if (!body) {
      body = { decoder: new TextDecoder(), text: '', complete: false };
      this.bodies.set(id, body);
    }
    this.add(body, body.decoder.decode(chunk, { stream: true }));
  }

  /** `complete`: every byte came; otherwise the body is dropped. */
  end(id: number, complete: boolean): void {
    const body = this.bodies.get(id);
    if (!body) return;
    if (!complete) return this.forget([id]);
    this.add(body, body.decoder.decode());
    body.complete = true;
  }

  /** The body's text, once: undefined when it is not (or no longer) here whole. */
  take(id: number): string | undefined {
    const body = this.bodies.get(id);
    this.forget([id]);
    return body?.complete ? body.text : undefined;
  }

  forget(ids: readonly number[]): void {
    for (const id of ids) {
      const body = this.bodies.get(id);
      if (!body) continue;
      this.characters -= body.text.length;
      this.bodies.delete(id);
    }
  }

  private add(body: BodyRead, text: string): void {
    body.text += text;
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

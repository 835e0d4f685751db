/**
 * Reading an answer's JSON envelope: pure, with no axios, so a worker thread can parse a large answer
 * off the extension host's thread and report what is wrong with it for the host to throw.
 */

/** What makes an answer unusable, found wherever its text is parsed. */
export type AnswerProblem =
  | { kind: 'malformed' }
  | { kind: 'apiFailure'; apiCode?: number | string; apiMessage?: string }
  /** The envelope is fine but holds no `data` object. */
  | { kind: 'noData' };

export function parseJson(text: string): unknown {
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The parsed envelope, or why it is not one (not an object, or `success: false`). */
export function readEnvelope(text: string): { envelope: Record<string, unknown> } | { problem: AnswerProblem } {
  return envelopeOf(parseJson(text));
}

/** readEnvelope of an answer parsed already. */
export function envelopeOf(parsed: unknown): { envelope: Record<string, unknown> } | { problem: AnswerProblem } {
  if (!isRecord(parsed)) return { problem: { kind: 'malformed' } };
  if (parsed.success === false) {
    const { code, message } = apiErrorOf(parsed);
    return { problem: { kind: 'apiFailure', apiCode: code, apiMessage: message } };
  }
  return { envelope: parsed };
}

/** An answer's `data` object, or why there is none. */
export function readData(text: string): { data: Record<string, unknown> } | { problem: AnswerProblem } {
  return dataOf(parseJson(text));
}

/** readData of an answer parsed already. */
export function dataOf(parsed: unknown): { data: Record<string, unknown> } | { problem: AnswerProblem } {
  const read = envelopeOf(parsed);
  if ('problem' in read) return read;
  return isRecord(read.envelope.data) ? { data: read.envelope.data } : { problem: { kind: 'noData' } };
}

/** Both error shapes: RealtimeKit's { error: { code, message } } and Cloudflare's { errors: [{ code, message }] }. */
export function apiErrorOf(body: Record<string, unknown>): { code?: number | string; message?: string } {
  const single = body.error;
  if (isRecord(single)) return { code: codeOf(single.code), message: textOf(single.message) };
  if (typeof single === 'string') return { message: single };
  const list = body.errors;
  if (Array.isArray(list) && list.length > 0) {
    const messages = list
      .filter(isRecord)
      .map((item) => textOf(item.message))
      .filter(Boolean);
    const first = list.find(isRecord);
    return { code: first ? codeOf(first.code) : undefined, message: messages.join('; ') || undefined };
  }
  return { message: textOf(body.message) };
}

function codeOf(value: unknown): number | string | undefined {
  return typeof value === 'number' || typeof value === 'string' ? value : undefined;
}

/** API text is shortened so a hostile or huge message cannot flood a notification. */
function textOf(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  return value.length > 300 ? `${value.slice(0, 300)}…` : value;
}

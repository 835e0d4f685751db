/** Validation and clean-up of the IDs a user pastes, before any request is made. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ACCOUNT_ID = /^[0-9a-f]{32}$/i;
const APP_ID_FORBIDDEN = /[/?#\s]|^\.{1,2}$/;

export type IdKind = 'account' | 'app' | 'session' | 'participant' | 'peer' | 'meeting' | 'meetingParticipant';

export const ID_LABELS: Record<IdKind, string> = {
  account: 'account ID',
  app: 'app ID',
  session: 'session ID',
  participant: 'participant ID',
  peer: 'peer ID',
  meeting: 'meeting ID',
  meetingParticipant: 'participant ID',
};

/** Pasted values often carry spaces, quotes or backticks from chat and tickets. */
export function cleanId(value: string): string {
  return value
    .trim()
    .replace(/^["'`]+|["'`]+$/g, '')
    .trim();
}

/** Far above any real ID (UUIDs are 36 characters); checked first, as cleaning is not linear-time. */
export const MAX_ID_INPUT_LENGTH = 256;

/** Returns a message saying what is wrong, or undefined when the value is acceptable. */
export function validateId(kind: IdKind, rawValue: string): string | undefined {
  if (rawValue.length > MAX_ID_INPUT_LENGTH) {
    return `A ${ID_LABELS[kind]} is at most ${MAX_ID_INPUT_LENGTH} characters; this value has ${rawValue.length.toLocaleString('en-US')}.`;
  }
  const value = cleanId(rawValue);
  const label = ID_LABELS[kind];
  if (value === '') return `Enter the ${label}.`;
  switch (kind) {
    case 'account':
      return ACCOUNT_ID.test(value) ? undefined : accountIdProblem(value);
    case 'app':
      // Declared maxLength 32 in the spec, but real app IDs are 36-character UUIDs: only refuse what breaks a path.
      return APP_ID_FORBIDDEN.test(value) ? 'An app ID cannot contain "/", "?", "#" or spaces, nor be "." or "..".' : undefined;
    case 'session':
    case 'peer':
    case 'meeting':
    case 'participant':
      return UUID.test(value) ? undefined : `A ${label} is a UUID like 182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e.`;
    case 'meetingParticipant':
      return APP_ID_FORBIDDEN.test(value) ? `A ${label} cannot contain "/", "?", "#" or spaces.` : undefined;
  }
}

/** Names the first wrong character, which the length alone does not show when the length is right. */
function accountIdProblem(value: string): string {
  const wrong = value.search(/[^0-9a-f]/i);
  if (wrong < 0) return `An account ID is 32 hexadecimal characters (found ${value.length} characters).`;
  const char = String.fromCodePoint(value.codePointAt(wrong)!);
  // Invisible characters pasted from chat (zero-width space, no-break space) are named by code point.
  const shown = /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(char)
    ? `'${char}'`
    : `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return `An account ID is 32 hexadecimal characters: ${shown} at position ${wrong + 1} is not hexadecimal.`;
}

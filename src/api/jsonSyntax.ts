/**
 * What the two JSON readers that cut their work into pieces share (slicedJson.ts, incrementalJson.ts):
 * the structural characters, whose codes are also their UTF-8 bytes, and how JSON.parse sets a member.
 */

export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;
export const COMMA = 0x2c;
export const COLON = 0x3a;
export const OPEN_OBJECT = 0x7b;
export const CLOSE_OBJECT = 0x7d;
export const OPEN_ARRAY = 0x5b;
export const CLOSE_ARRAY = 0x5d;

/** As JSON.parse sets a member: an own property even when its name is "__proto__" (assignment would set the prototype). */
export const setOwn = (target: object, key: string, value: unknown) =>
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });

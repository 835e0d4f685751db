/**
 * Where requests, and so the token, may go: `https:` anywhere, `http:` only to this machine (a local
 * sample server or proxy). Pure, so it is unit-tested without VS Code.
 */
export const DEFAULT_API_BASE_URL = 'https://api.cloudflare.com/client/v4';
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

export type CheckedBaseUrl = { url: string; host: string; isDefault: boolean } | { error: string };

export function checkApiBaseUrl(value: string): CheckedBaseUrl {
  const trimmed = value.trim() || DEFAULT_API_BASE_URL;
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return { error: 'The setting realtimekit.apiBaseUrl is not a URL. Set it to https://api.cloudflare.com/client/v4 or a local server.' };
  }
  const loopback = LOOPBACK_HOSTS.has(parsed.hostname.toLowerCase());
  if (parsed.username || parsed.password) return { error: 'The setting realtimekit.apiBaseUrl may not hold a user name or password.' };
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopback)) {
    return {
      error: `The setting realtimekit.apiBaseUrl must be an https: URL (http: is allowed only for 127.0.0.1, ::1 and localhost), so the API token is never sent in clear text; it is "${parsed.protocol}//${parsed.host}".`,
    };
  }
  return { url: trimmed.replace(/\/+$/, ''), host: parsed.host, isDefault: trimmed.replace(/\/+$/, '') === DEFAULT_API_BASE_URL };
}

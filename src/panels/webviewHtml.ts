/** The panel's HTML shell: strict CSP, scripts by nonce, styles and fonts from the webview's own source. */
import { randomBytes } from 'node:crypto';

export function createNonce(): string {
  return randomBytes(18).toString('base64');
}

export interface ShellOptions {
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  nonce: string;
  title: string;
  /** One https origin images may come from (a participant picture the user asked to see). */
  imageOrigin?: string;
}

const escapeAttribute = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

export function webviewShell(options: ShellOptions): string {
  const csp = [
    "default-src 'none'",
    `style-src ${options.cspSource}`,
    `font-src ${options.cspSource}`,
    // A participant picture's origin only once the user asks to see it: loading it tells that host who looks.
    `img-src ${options.cspSource} data:${options.imageOrigin ? ` ${options.imageOrigin}` : ''}`,
    `script-src 'nonce-${options.nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttribute(options.styleUri)}">
<title>${escapeAttribute(options.title)}</title>
</head>
<body>
<main id="app" aria-live="polite"><p class="muted">Loading…</p></main>
<script nonce="${options.nonce}" src="${escapeAttribute(options.scriptUri)}"></script>
</body>
</html>`;
}

/** The origin a picture URL may be loaded from: https only, nothing that could widen the policy. */
export function pictureOrigin(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && /^[a-z0-9.-]+(:\d+)?$/i.test(parsed.host) ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

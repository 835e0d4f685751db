/**
 * What the webview benchmarks share: a page running a production bundle with a stand-in for the VS Code
 * API that logs what is posted, the synthetic audio and video samples they chart, and the median.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Sample } from '../test/fixtures/sampleColumns';

const ROOT = path.resolve(__dirname, '..');

export type SampleShape = (i: number, wave: number) => Omit<Sample, 't'>;

export const audioSample: SampleShape = (i, wave) => ({
  mos: 4.2 + wave * 0.3,
  jitterMs: 8 + Math.abs(wave) * 20,
  lossPct: i % 97 === 0 ? 12 : Math.abs(wave),
  rttMs: 60 + wave * 30,
  bitrateKbps: 32 + wave * 4,
});

export const videoSample: SampleShape = (i, wave) => ({
  ...audioSample(i, wave),
  fps: 28 + wave * 4,
  height: i % 500 < 250 ? 720 : 360,
  bitrateKbps: 900 + wave * 300,
});

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** A file:// page with `dist/<bundle>.js` and its CSS; what the webview posts lands in window.__messages. */
export function benchPage(dir: string, bundle: 'webview' | 'compare'): string {
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><link rel="stylesheet" href="${path.join(ROOT, 'dist', `${bundle}.css`)}"></head>
<body class="vscode-dark" style="width:1200px"><main id="app"></main>
<script>
// tsx keeps function names with a __name helper inside functions handed to page.evaluate.
window.__name = (f) => f;
window.__messages = [];
window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__messages.push({ m, at: performance.now() }), getState: () => undefined, setState: () => undefined });
</script>
<script src="${path.join(ROOT, 'dist', `${bundle}.js`)}"></script></body></html>`;
  const file = path.join(dir, `${bundle}.html`);
  fs.writeFileSync(file, html);
  return `file://${file}`;
}

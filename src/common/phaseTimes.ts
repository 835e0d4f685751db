/**
 * Where an inspection's time goes: request (until the response headers), transfer (headers to last
 * byte), parse (JSON.parse), normalise, analyse, post (building and posting the payload), webview
 * receive (post to arrival in the webview) and first paint (arrival to two animation frames later).
 * One recorder per inspection; the HTTP core, the inspection code, the panel host and the webview each
 * fill in their part. Times across processes are wall-clock (Date.now()); CPU phases use
 * performance.now(). No vscode and no DOM here.
 */
import type { PaintedData, RenderTimings, WebviewStart } from '../shared/messages';

export type { RenderTimings } from '../shared/messages';

/** A webview started for the inspection: its start, and when its HTML was set (Date.now()). */
export interface NewWebview extends WebviewStart {
  htmlAt: number;
}

/** One HTTP answer's timings (wall-clock ms) and its parse time. */
export interface RequestTiming {
  path: string;
  started: number;
  headers: number;
  lastByte: number;
  bytes: number;
  parseMs: number;
}

/** A 'rendered' of the data posted: a webview that restarts paints the data it was given before, too. */
export function isPaintOf(rendered: PaintedData, posted: PaintedData): boolean {
  return rendered.fetchedAt !== undefined && rendered.fetchedAt === posted.fetchedAt && rendered.checkedAt === posted.checkedAt;
}

export interface PhaseSink {
  request(timing: RequestTiming): void;
}

export interface PhaseSummary {
  requests: number;
  bytes: number;
  /** Wall time with some request waiting for its headers (parallel requests overlap). */
  requestMs: number;
  /** Wall time with some body arriving and no request waiting for headers. */
  transferMs: number;
  parseMs: number;
  normaliseMs: number;
  analyseMs: number;
  postMs: number;
  receiveMs?: number;
  paintMs?: number;
  /** Last byte of the last answer to the analysis back on the extension host (the stats worker's part after it). */
  lastByteToAnalysedMs?: number;
  /** Last byte of the last answer to the webview's paint. */
  lastByteToPaintedMs?: number;
  /** A new webview: its HTML set to its script ready. */
  webviewStartMs?: number;
  /** Of it, the document's wait for VS Code's service worker. */
  serviceWorkerMs?: number;
  /** Of it, loading the panel's script and styles. */
  webviewBundleMs?: number;
  /** How long the analysed data waited for the new webview to be ready. */
  waitedForWebviewMs?: number;
}

const cpuNow = (): number => performance.now();

export class PhaseRecorder implements PhaseSink {
  readonly requests: RequestTiming[] = [];
  normaliseMs = 0;
  analyseMs = 0;
  postMs = 0;
  /** Date.now() once the analysis was done (back from the stats worker). */
  analysedAt?: number;
  /** Date.now() once the payload was handed to postMessage. */
  postedAt?: number;
  rendered?: RenderTimings;
  /** Set when the inspection is shown in a webview started for it. */
  webview?: NewWebview;

  request(timing: RequestTiming): void {
    this.requests.push(timing);
  }

  /** Runs `work`, adding its duration to a CPU phase. */
  time<T>(phase: 'normalise' | 'analyse' | 'post', work: () => T): T {
    const started = cpuNow();
    try {
      return work();
    } finally {
      this[`${phase}Ms`] += cpuNow() - started;
    }
  }

  summary(): PhaseSummary {
    const requestSpans = this.requests.map((r): [number, number] => [r.started, r.headers]);
    const wholeSpans = this.requests.map((r): [number, number] => [r.started, r.lastByte]);
    const requestMs = unionLength(requestSpans);
    const lastByte = this.requests.length > 0 ? Math.max(...this.requests.map((r) => r.lastByte)) : undefined;
    const rendered = this.rendered;
    const webview = this.webview;
    return {
      requests: this.requests.length,
      bytes: this.requests.reduce((sum, r) => sum + r.bytes, 0),
      requestMs,
      transferMs: Math.max(0, unionLength(wholeSpans) - requestMs),
      parseMs: this.requests.reduce((sum, r) => sum + r.parseMs, 0),
      normaliseMs: this.normaliseMs,
      analyseMs: this.analyseMs,
      postMs: this.postMs,
      receiveMs: rendered && this.postedAt !== undefined ? rendered.received - this.postedAt : undefined,
      paintMs: rendered ? rendered.painted - rendered.received : undefined,
      lastByteToAnalysedMs: this.analysedAt !== undefined && lastByte !== undefined ? this.analysedAt - lastByte : undefined,
      lastByteToPaintedMs: rendered && lastByte !== undefined ? rendered.painted - lastByte : undefined,
      webviewStartMs: webview ? Math.max(0, webview.readyAt - webview.htmlAt) : undefined,
      serviceWorkerMs: webview?.serviceWorkerMs,
      webviewBundleMs: webview?.bundleMs,
      waitedForWebviewMs: webview && this.analysedAt !== undefined ? Math.max(0, webview.readyAt - this.analysedAt) : undefined,
    };
  }
}

/** Total length covered by the intervals. */
function unionLength(spans: Array<[number, number]>): number {
  const sorted = spans.filter(([from, to]) => to >= from).sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [from, to] of sorted) {
    if (to <= end) continue;
    total += to - Math.max(from, end);
    end = to;
  }
  return total;
}

const ms = (value: number | undefined) => (value === undefined ? '-' : `${Math.round(value)} ms`);

/** "phases: request 12 ms, transfer 40 ms, …" for the log. */
export function formatPhases(summary: PhaseSummary): string {
  const size = summary.bytes >= 1024 * 1024 ? `${(summary.bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(summary.bytes / 1024)} KB`;
  return (
    `phases: request ${ms(summary.requestMs)}, transfer ${ms(summary.transferMs)}, parse ${ms(summary.parseMs)}, ` +
    `normalise ${ms(summary.normaliseMs)}, analyse ${ms(summary.analyseMs)}, post ${ms(summary.postMs)}, ` +
    `webview receive ${ms(summary.receiveMs)}, first paint ${ms(summary.paintMs)}; ` +
    `last byte to analysed ${ms(summary.lastByteToAnalysedMs)}, to painted ${ms(summary.lastByteToPaintedMs)} (${summary.requests} request${summary.requests === 1 ? '' : 's'}, ${size})` +
    (summary.webviewStartMs === undefined
      ? ''
      : `; a new webview, ready ${ms(summary.webviewStartMs)} after its HTML (${ms(summary.serviceWorkerMs)} of it waiting for VS Code's service worker, ` +
        `script and styles ${ms(summary.webviewBundleMs)}), the data waited ${ms(summary.waitedForWebviewMs)} for it`)
  );
}

/**
 * The ready/rendered handshake of one webview panel. The webview says "ready" once its script runs and
 * "rendered" after it painted; the host waits for either only as long as the panel lives and never
 * longer than a bound, so a panel closed (or a script that failed) never leaves a command pending.
 */
import type * as vscode from 'vscode';

export type WaitOutcome = 'done' | 'disposed' | 'timeout';

export const READY_TIMEOUT_MS = 15_000;
export const RENDER_TIMEOUT_MS = 15_000;

export class WebviewHandshake {
  private isReady = false;
  private isDisposed = false;
  /** Date.now() when its current document began; none while hidden and torn down. */
  private documentAt: number | undefined;
  private readonly readyWaiters = new Set<(outcome: WaitOutcome) => void>();
  private readonly renderWaiters = new Set<(outcome: WaitOutcome) => void>();

  constructor(panel: vscode.WebviewPanel) {
    // A hidden webview is torn down, unless it retains its context: it then says "ready" again when shown.
    const retained = panel.options.retainContextWhenHidden === true;
    panel.onDidChangeViewState(() => {
      if (retained) return;
      if (!panel.visible) {
        this.isReady = false;
        this.documentAt = undefined;
      } else this.documentAt ??= Date.now();
    });
    panel.onDidDispose(() => {
      this.isDisposed = true;
      this.settle(this.readyWaiters, 'disposed');
      this.settle(this.renderWaiters, 'disposed');
    });
  }

  get disposed(): boolean {
    return this.isDisposed;
  }

  /** When its current document began: its HTML set, or shown again after being hidden. */
  get documentStartedAt(): number | undefined {
    return this.documentAt;
  }

  /** Its script runs and has said so (never while hidden, unless retained): what is posted now is received. */
  get ready(): boolean {
    return this.isReady && !this.isDisposed;
  }

  /**
   * The webview (re)started its script: a hidden panel shown again starts afresh. True when someone
   * was waiting for it (a show that posts its data once ready): the caller then posts nothing itself,
   * or the webview would get the data twice.
   */
  markReady(): boolean {
    this.isReady = true;
    const awaited = this.readyWaiters.size > 0;
    this.settle(this.readyWaiters, 'done');
    return awaited;
  }

  /** Its document was replaced: a new one starts now, and is not ready until it says so. */
  documentReplaced(): void {
    this.isReady = false;
    this.documentAt = Date.now();
  }

  markRendered(): void {
    this.settle(this.renderWaiters, 'done');
  }

  whenReady(timeoutMs = READY_TIMEOUT_MS): Promise<WaitOutcome> {
    if (this.isDisposed) return Promise.resolve('disposed');
    if (this.isReady) return Promise.resolve('done');
    return this.wait(this.readyWaiters, timeoutMs);
  }

  /** Call before posting what will be rendered, so a fast "rendered" is not missed. */
  nextRender(timeoutMs = RENDER_TIMEOUT_MS): Promise<WaitOutcome> {
    if (this.isDisposed) return Promise.resolve('disposed');
    return this.wait(this.renderWaiters, timeoutMs);
  }

  private wait(waiters: Set<(outcome: WaitOutcome) => void>, timeoutMs: number): Promise<WaitOutcome> {
    return new Promise((resolve) => {
      const done = (outcome: WaitOutcome) => {
        clearTimeout(timer);
        waiters.delete(done);
        resolve(outcome);
      };
      const timer = setTimeout(() => done('timeout'), timeoutMs);
      waiters.add(done);
    });
  }

  private settle(waiters: Set<(outcome: WaitOutcome) => void>, outcome: WaitOutcome): void {
    for (const waiter of [...waiters]) waiter(outcome);
  }
}

/**
 * The extension host's side of the stats worker: one worker thread, started on first use, that turns a
 * stats panel's answers into its analysed payload so the host's thread never parses or analyses tens of
 * MB. When the worker cannot start (or dies), the same work runs here, synchronously, and the log says so.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../../common/logger';
import { analyseAnswers, type AnswersRequest, type AnswersResult } from './analyseAnswers';

type Reply = { id: number; result: AnswersResult } | { id: number; error: string };

interface Pending {
  request: AnswersRequest;
  resolve: (result: AnswersResult) => void;
  reject: (error: unknown) => void;
}

export class StatsWorker {
  private worker: Worker | undefined;
  /** Set once the worker failed: the work stays on this thread from then on. */
  private unavailable = false;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();
  log: Pick<Logger, 'warn'> | undefined;

  /** The worker's bundle: dist/statsWorker.js beside the extension's; code run from source points it at a build. */
  constructor(public file = path.join(__dirname, 'statsWorker.js')) {}

  analyse(request: AnswersRequest): Promise<AnswersResult> {
    const worker = this.start();
    if (!worker) return Promise.resolve().then(() => analyseAnswers(request));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { request, resolve, reject });
      worker.postMessage({ id, request });
    });
  }

  /** Ends the worker; what it was still working on fails. */
  stop(): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    for (const { reject } of this.pending.values()) reject(new Error('The statistics worker was stopped.'));
    this.pending.clear();
  }

  private start(): Worker | undefined {
    if (this.worker || this.unavailable) return this.worker;
    try {
      if (!fs.existsSync(this.file)) throw new Error(`${this.file} is missing`);
      const worker = new Worker(this.file);
      // Never what keeps a process alive: it only ever answers requests.
      worker.unref();
      worker.on('message', (reply: Reply) => this.settle(reply));
      worker.on('error', (error) => this.failed(worker, error));
      worker.on('exit', (code) => this.failed(worker, new Error(`it exited with code ${code}`)));
      this.worker = worker;
    } catch (error) {
      this.failed(undefined, error);
    }
    return this.worker;
  }

  private settle(reply: Reply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    if ('error' in reply) pending.reject(new Error(reply.error));
    else pending.resolve(reply.result);
  }

  /** The worker is gone: its requests, and every later one, are worked out on this thread. */
  private failed(worker: Worker | undefined, error: unknown): void {
    if (worker !== this.worker) return;
    this.worker = undefined;
    this.unavailable = true;
    this.log?.warn(`The statistics worker is unavailable, so large answers are analysed on the extension host's thread: ${String(error)}`);
    void worker?.terminate();
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const { request, resolve, reject } of pending) {
      try {
        resolve(analyseAnswers(request));
      } catch (caught) {
        reject(caught);
      }
    }
  }
}

/** The one worker of the stats panels (stopped when they are disposed). */
export const statsWorker = new StatsWorker();

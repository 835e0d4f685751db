/**
 * The extension host's side of the stats worker: one worker thread, started on first use, that turns a
 * stats panel's answers into its analysed payload so the host's thread never parses or analyses tens of
 * MB. When the worker cannot start (or dies), the same work runs here, synchronously, and the log says so.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { BodyChunks, BodyReadAlong } from '../../api/bodyChunks';
import type { ContentEncoding } from '../../api/contentEncoding';
import type { Logger } from '../../common/logger';
import {
  analyseAnswers,
  PeerReportsReadAhead,
  type AnswerBody,
  type AnswersRequest,
  type AnswersResult,
  type ReadAheadResult,
} from './analyseAnswers';
import { lentBuffers, type FromStatsWorker, type Job, type ReadAheadJob, type ToStatsWorker } from './workerProtocol';

/**
 * A body the host keeps (an AnswerText): lent to the worker, and put back in `chunks` when it is done.
 * `readAlong`: the ID the worker decoded it under as it arrived (readAlong), if it did.
 */
export interface BodyHolder {
  chunks: BodyChunks;
  readAlong?: number;
  /** How `chunks` are compressed, when they are (the worker decodes them). */
  encoding?: ContentEncoding;
}

type Body = AnswerBody | BodyHolder;

/** A request as the host gives it: each body as it is, or its holder, to lend rather than copy. */
export type HostAnswersRequest = Omit<AnswersRequest, 'text' | 'peers'> & {
  text: Body;
  peers?: Array<{ peerId: string; text: Body } | { peerId: string; readAhead: number }>;
};

type HostJob = { request: HostAnswersRequest } | { readAhead: Omit<ReadAheadJob, 'text'> & { text: Body } };

interface Pending {
  id: number;
  job: HostJob;
  /** The holders whose bodies go to the worker with the job, in the order it gives them back. */
  holders: BodyHolder[];
  resolve: (result: AnswersResult | ReadAheadResult) => void;
  reject: (error: unknown) => void;
}

/** The job as posted, and the holders whose whole buffer can go with it. */
function toWorkerJob(job: HostJob): { job: Job; holders: BodyHolder[] } {
  const holders: BodyHolder[] = [];
  const body = (source: Body): AnswerBody => {
    if (typeof source === 'string' || !('chunks' in source)) return source;
    if (ownsItsBuffers(source.chunks) && !holders.includes(source)) holders.push(source);
    const { chunks, readAlong, encoding } = source;
    return readAlong === undefined && encoding === undefined ? chunks : { chunks, readAlong, encoding };
  };
  if ('readAhead' in job) return { job: { readAhead: { ...job.readAhead, text: body(job.readAhead.text) } }, holders };
  const { text, peers, ...rest } = job.request;
  const request: AnswersRequest = { ...rest, text: body(text) };
  if (peers) request.peers = peers.map((peer) => ('text' in peer ? { peerId: peer.peerId, text: body(peer.text) } : peer));
  return { job: { request }, holders };
}

/**
 * Whether a body's buffers can be lent: a piece that is a view into a larger buffer would take all of it
 * along (and two pieces of one buffer cannot both go), so such a body is copied instead.
 */
function ownsItsBuffers(chunks: BodyChunks): boolean {
  const buffers = new Set(chunks.map((chunk) => chunk.buffer));
  return buffers.size === chunks.length && chunks.every((chunk) => chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength);
}

/** A peer report read ahead: the key its analysis takes it by, and what reading it took. */
export interface ReadAheadReport extends ReadAheadResult {
  key: number;
}

/**
 * Requests handed to the worker at once: one it works on and one waiting, so it never idles while an
 * answer crosses back, and an urgent request waits behind one other at most.
 */
const IN_WORKER = 2;

/** A body read along crosses in copies of about this much (its last one smaller). */
const READ_ALONG_BATCH_BYTES = 512 * 1024;

export class StatsWorker {
  private worker: Worker | undefined;
  /** Set once the worker failed: the work stays on this thread from then on. */
  private unavailable = false;
  private nextId = 0;
  /** Sent to the worker, by ID. */
  private readonly pending = new Map<number, Pending>();
  /** Not sent yet: urgent ones first, then in order. */
  private readonly queued: Pending[] = [];
  private urgentQueued = 0;
  private nextKey = 0;
  private nextAlong = 0;
  /** Reports read ahead on this thread, when the worker is unavailable. */
  private readHere = new PeerReportsReadAhead();
  /** Holders whose bodies are in the worker: a job that needs one waits until it is back. */
  private readonly out = new Set<BodyHolder>();
  /** The fingerprint of each peer's last report read that the worker (or this thread, standing in) keeps. */
  private readonly reportsKept = new Map<string, string>();
  log: Pick<Logger, 'warn'> | undefined;

  /** The worker's bundle: dist/statsWorker.js beside the extension's; code run from source points it at a build. */
  constructor(public file = path.join(__dirname, 'statsWorker.js')) {}

  /**
   * Works out the request in the worker. `urgent`: small work that others wait on (a session
   * participant's own answer, which says which peer reports to fetch); it goes before the queued
   * peer reports, so the requests it leads to start while the worker parses the others.
   */
  analyse(request: HostAnswersRequest, options: { urgent?: boolean } = {}): Promise<AnswersResult> {
    return this.run({ request }, options.urgent) as Promise<AnswersResult>;
  }

  /**
   * Parses and normalises a peer's report as soon as it came, while the others still download; the
   * analysis that lists it by key takes it. Keys not taken must be released. Given the body's
   * fingerprint, a report the same as the last one read of that peer is not read again.
   */
  async readAhead(peerId: string, text: Body, fingerprint?: string): Promise<ReadAheadReport> {
    const key = this.nextKey++;
    const read = (await this.run({ readAhead: { key, peerId, text, fingerprint } })) as ReadAheadResult;
    if (read.remembered && fingerprint !== undefined) this.reportsKept.set(peerId, fingerprint);
    for (const forgotten of read.forgotten ?? []) this.reportsKept.delete(forgotten);
    return { key, ...read };
  }

  /**
   * The fingerprint of the peer's last report read, when it is kept: a body with it needs no reading,
   * so it is not read along as it arrives (a panel opened again, a compare of a participant just shown).
   */
  lastReportRead(peerId: string): string | undefined {
    return this.reportsKept.get(peerId);
  }

  /**
   * Someone to decode and parse a body in the worker as it arrives (a copy of the pieces crosses), so a
   * job on it has almost nothing left to read; none when the worker is not running. Bodies no job took
   * must be forgotten.
   */
  readAlong(encoding?: ContentEncoding): BodyReadAlong | undefined {
    const worker = this.start();
    if (!worker) return undefined;
    const along = this.nextAlong++;
    const post = (message: ToStatsWorker, transfer: ArrayBuffer[] = []) => this.worker === worker && worker.postMessage(message, transfer);
    // Pieces go in batches: one message per piece of a fetch (16-64 KB each) held the host for tens of ms
    // per 40 MB in postMessage alone. Each batch is a copy the host makes once and hands over.
    let waiting: Uint8Array[] = [];
    let waitingBytes = 0;
    const send = () => {
      if (waitingBytes === 0) return;
      const batch = new Uint8Array(waitingBytes);
      let offset = 0;
      for (const piece of waiting) {
        batch.set(piece, offset);
        offset += piece.byteLength;
      }
      waiting = [];
      waitingBytes = 0;
      post({ along, chunk: batch, encoding }, [batch.buffer]);
    };
    return {
      id: along,
      push: (chunk) => {
        waiting.push(chunk);
        waitingBytes += chunk.byteLength;
        if (waitingBytes >= READ_ALONG_BATCH_BYTES) send();
      },
      end: (complete) => {
        if (complete) send();
        waiting = [];
        waitingBytes = 0;
        post({ along, complete });
      },
    };
  }

  /** Forgets bodies read along that no job took (they were the same as last time, or the work failed). */
  forget(ids: ReadonlyArray<number | undefined>): void {
    const known = ids.filter((id) => id !== undefined);
    if (known.length > 0) this.worker?.postMessage({ forget: known } satisfies ToStatsWorker);
  }

  /** Forgets reports read ahead that no analysis took (the inspection failed or was cancelled). */
  release(keys: number[]): void {
    if (keys.length === 0) return;
    this.readHere.release(keys);
    this.worker?.postMessage({ release: keys } satisfies ToStatsWorker);
  }

  private run(job: HostJob, urgent = false): Promise<AnswersResult | ReadAheadResult> {
    if (!this.start()) return Promise.resolve().then(() => this.runHere(job));
    return new Promise((resolve, reject) => {
      const entry: Pending = { id: this.nextId++, job, holders: toWorkerJob(job).holders, resolve, reject };
      if (urgent) this.queued.splice(this.urgentQueued++, 0, entry);
      else this.queued.push(entry);
      this.send();
    });
  }

  private runHere(hostJob: HostJob): AnswersResult | ReadAheadResult {
    const { job } = toWorkerJob(hostJob);
    if ('request' in job) return analyseAnswers(job.request, this.readHere);
    const { key, peerId, text, fingerprint } = job.readAhead;
    return this.readHere.read(key, peerId, text, fingerprint);
  }

  private send(): void {
    const worker = this.worker;
    while (worker && this.pending.size < IN_WORKER) {
      // The first in line whose bodies are all here (another job may have one of them in the worker).
      const index = this.queued.findIndex((entry) => !entry.holders.some((holder) => this.out.has(holder)));
      if (index < 0) return;
      const [entry] = this.queued.splice(index, 1);
      if (index < this.urgentQueued) this.urgentQueued -= 1;
      for (const holder of entry.holders) this.out.add(holder);
      this.pending.set(entry.id, entry);
      // Built now: a body another job had out is back in its holder.
      const { job } = toWorkerJob(entry.job);
      const lent = entry.holders.map((holder) => holder.chunks);
      worker.postMessage({ id: entry.id, job, lent } satisfies ToStatsWorker, lentBuffers(lent));
    }
  }

  /** Ends the worker; what it was still working on fails. */
  stop(): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    for (const { reject } of [...this.pending.values(), ...this.queued]) reject(new Error('The statistics worker was stopped.'));
    this.pending.clear();
    this.queued.length = 0;
    this.urgentQueued = 0;
    this.out.clear();
    // Like the worker, this thread's stand-in keeps no report read before.
    this.readHere = new PeerReportsReadAhead();
    this.reportsKept.clear();
  }

  private start(): Worker | undefined {
    if (this.worker || this.unavailable) return this.worker;
    try {
      if (!fs.existsSync(this.file)) throw new Error(`${this.file} is missing`);
      const worker = new Worker(this.file);
      // Never what keeps a process alive: it only ever answers requests.
      worker.unref();
      worker.on('message', (reply: FromStatsWorker) => this.settle(reply));
      worker.on('error', (error) => this.failed(worker, error));
      worker.on('exit', (code) => this.failed(worker, new Error(`it exited with code ${code}`)));
      this.worker = worker;
    } catch (error) {
      this.failed(undefined, error);
    }
    return this.worker;
  }

  private settle(reply: FromStatsWorker): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    pending.holders.forEach((holder, index) => {
      holder.chunks = reply.lent[index];
      this.out.delete(holder);
    });
    this.send();
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
    const pending = [...this.pending.values(), ...this.queued];
    this.pending.clear();
    this.queued.length = 0;
    this.urgentQueued = 0;
    // Bodies lent to the worker went down with it, and the reports it kept.
    const lost = new Set(this.out);
    this.out.clear();
    this.reportsKept.clear();
    for (const { job, holders, resolve, reject } of pending) {
      if (holders.some((holder) => lost.has(holder))) {
        reject(new Error('The statistics worker stopped while it read the answer: run the command again.'));
        continue;
      }
      try {
        resolve(this.runHere(job));
      } catch (caught) {
        reject(caught);
      }
    }
  }
}

/** The one worker of the stats panels (stopped when they are disposed). */
export const statsWorker = new StatsWorker();

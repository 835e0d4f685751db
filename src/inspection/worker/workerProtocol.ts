/**
 * The messages between the extension host and the stats worker. Answer bodies are lent: their buffers
 * are transferred to the worker with the job and back with its reply, never copied (tens of MB each
 * way on the host's thread otherwise), since the host reads them again for Raw JSON and the command's
 * result.
 */
import type { BodyChunks } from '../../api/bodyChunks';
import type { ContentEncoding } from '../../api/contentEncoding';
import type { AnswerBody, AnswersRequest, AnswersResult, ReadAheadResult } from './analyseAnswers';

/** Work for the worker: analyse a request, or read a peer report ahead under a key. */
export type Job = { request: AnswersRequest } | { readAhead: ReadAheadJob };

/** A peer report to read ahead under `key`; not read again when it has the fingerprint of the peer's last one. */
export interface ReadAheadJob {
  key: number;
  peerId: string;
  text: AnswerBody;
  fingerprint?: string;
}

export type ToStatsWorker =
  /** `lent`: the job's bodies whose buffers came with it, to send back in the reply in this order. */
  | { id: number; job: Job; lent: BodyChunks[] }
  /** Reports read ahead that no job will take. */
  | { release: number[] }
  /** A body read along as it arrives (copies of its pieces, in batches), then its end, or its bodies no job will take. */
  | { along: number; chunk: Uint8Array; encoding?: ContentEncoding }
  | { along: number; complete: boolean }
  | { forget: number[] };

export type FromStatsWorker = { id: number; lent: BodyChunks[] } & ({ result: AnswersResult | ReadAheadResult } | { error: string });

/** The buffers of lent bodies, to transfer with the message that carries them. */
export function lentBuffers(lent: readonly BodyChunks[]): ArrayBuffer[] {
  return lent.flatMap((chunks) => chunks.map((chunk) => chunk.buffer as ArrayBuffer));
}

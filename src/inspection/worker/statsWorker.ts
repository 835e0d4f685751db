/**
 * The stats worker thread (dist/statsWorker.js): decodes large bodies as they download, reads peer
 * reports ahead as they arrive, and answers each request with analyseAnswers, columns transferred and
 * the answers' bodies given back.
 */
import { parentPort } from 'node:worker_threads';
import { errorMessage } from '../../shared/errorMessage';
import { analyseAnswers, PeerReportsReadAhead, transferablesOf } from './analyseAnswers';
import { givePriorityToOtherThreads } from './givePriorityToOtherThreads';
import { bodiesReadAlong } from './readAlong';
import { lentBuffers, type FromStatsWorker, type ToStatsWorker } from './workerProtocol';

givePriorityToOtherThreads();
const port = parentPort;
const readAhead = new PeerReportsReadAhead();
// Handled one after another: a job waits for the compressed bodies it reads to be decoded, and what
// came after it waits for it. What a job throws goes back as its error; anything else thrown ends the
// worker, as a throw in a message handler did, and the host then works on its own thread.
let handled = Promise.resolve();
const endWorker = (error: unknown) =>
  queueMicrotask(() => {
    throw error;
  });
port?.on('message', (message: ToStatsWorker) => {
  handled = handled.then(() => handle(message)).catch(endWorker);
});

async function handle(message: ToStatsWorker): Promise<void> {
  if ('release' in message) return readAhead.release(message.release);
  if ('forget' in message) return bodiesReadAlong.forget(message.forget);
  if ('along' in message) {
    if ('chunk' in message) bodiesReadAlong.push(message.along, message.chunk, message.encoding);
    else bodiesReadAlong.end(message.along, message.complete);
    return;
  }
  const { id, job, lent } = message;
  // The bodies go back whole: the host reads them again (Raw JSON, the command's result).
  const giveBack = (reply: FromStatsWorker, transfer: ArrayBuffer[] = []) => port?.postMessage(reply, [...transfer, ...lentBuffers(lent)]);
  try {
    await bodiesReadAlong.settled();
    if ('readAhead' in job) {
      const { key, peerId, text, fingerprint } = job.readAhead;
      giveBack({ id, lent, result: readAhead.read(key, peerId, text, fingerprint) });
    } else {
      const result = analyseAnswers(job.request, readAhead);
      giveBack({ id, lent, result }, transferablesOf(result));
    }
  } catch (error) {
    giveBack({ id, lent, error: errorMessage(error) });
  }
}

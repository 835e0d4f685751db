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
port?.on('message', (message: ToStatsWorker) => {
  if ('release' in message) return readAhead.release(message.release);
  if ('forget' in message) return bodiesReadAlong.forget(message.forget);
  if ('along' in message) {
    if ('chunk' in message) bodiesReadAlong.push(message.along, message.chunk);
    else bodiesReadAlong.end(message.along, message.complete);
    return;
  }
  const { id, job, lent } = message;
  // The bodies go back whole: the host reads them again (Raw JSON, the command's result).
  const giveBack = (reply: FromStatsWorker, transfer: ArrayBuffer[] = []) => port.postMessage(reply, [...transfer, ...lentBuffers(lent)]);
  try {
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
});

/**
 * The stats worker thread (dist/statsWorker.js): reads peer reports ahead as they arrive and answers
 * each request with analyseAnswers, columns transferred.
 */
import { parentPort } from 'node:worker_threads';
import { errorMessage } from '../../shared/errorMessage';
import { analyseAnswers, PeerReportsReadAhead, transferablesOf } from './analyseAnswers';
import type { ToStatsWorker } from './statsWorkerHost';

const port = parentPort;
const readAhead = new PeerReportsReadAhead();
port?.on('message', (message: ToStatsWorker) => {
  if ('release' in message) {
    readAhead.release(message.release);
    return;
  }
  const { id, job } = message;
  try {
    if ('readAhead' in job) {
      const { key, peerId, text } = job.readAhead;
      port.postMessage({ id, result: readAhead.read(key, peerId, text) });
    } else {
      const result = analyseAnswers(job.request, readAhead);
      port.postMessage({ id, result }, transferablesOf(result));
    }
  } catch (error) {
    port.postMessage({ id, error: errorMessage(error) });
  }
});

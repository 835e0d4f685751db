/** The stats worker thread (dist/statsWorker.js): answers each request with analyseAnswers, columns transferred. */
import { parentPort } from 'node:worker_threads';
import { errorMessage } from '../../shared/errorMessage';
import { analyseAnswers, transferablesOf, type AnswersRequest } from './analyseAnswers';

const port = parentPort;
port?.on('message', ({ id, request }: { id: number; request: AnswersRequest }) => {
  try {
    const result = analyseAnswers(request);
    port.postMessage({ id, result }, transferablesOf(result));
  } catch (error) {
    port.postMessage({ id, error: errorMessage(error) });
  }
});

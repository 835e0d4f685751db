import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';

/** A thread's nice value, from /proc (field 19 of its stat line). */
function niceOf(threadId: number): number {
  const stat = fs.readFileSync(`/proc/self/task/${threadId}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
}

describe('The stats worker gives way to the host', () => {
  it('lowers the priority of the thread that asks, and of no other thread (Linux)', async function () {
    if (process.platform !== 'linux') this.skip();
    const module = path.resolve(__dirname, '../../src/inspection/worker/givePriorityToOtherThreads.ts');
    const worker = new Worker(
      `const { parentPort } = require('node:worker_threads');
       require('tsx/cjs');
       require(${JSON.stringify(module)}).givePriorityToOtherThreads();
       parentPort.postMessage(Number(/(\\d+)$/.exec(require('node:fs').readlinkSync('/proc/thread-self'))[1]));
       setInterval(() => undefined, 1000);`,
      { eval: true },
    );
    try {
      const workerThread = await new Promise<number>((resolve, reject) => worker.once('message', resolve).once('error', reject));
      assert.equal(niceOf(workerThread), 19);
      const others = fs
        .readdirSync('/proc/self/task')
        .map(Number)
        .filter((thread) => thread !== workerThread);
      assert.deepEqual(
        others.map(niceOf).filter((nice) => nice !== niceOf(process.pid)),
        [],
        'every other thread keeps the main thread’s priority',
      );
    } finally {
      await worker.terminate();
    }
  });
});

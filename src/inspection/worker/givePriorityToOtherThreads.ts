/**
 * Lets the thread that calls it give way to the other threads of its process. On Linux the nice value
 * belongs to a thread: the extension host's main thread, which keeps every extension answering, then
 * gets a core before the stats worker when both want one (on a two-core machine a 14 MB report's
 * parse otherwise held the host's events back by tens of ms). Elsewhere the nice value is the whole
 * process's, so nothing is changed there.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';

/**
 * The lowest: the worker still runs at once on an idle core, and gives way to the host, the workbench and
 * the webviews when they want one (10 left the host's thread waiting for a core more often).
 */
const WORKER_NICE = 19;

export function givePriorityToOtherThreads(): void {
  if (process.platform !== 'linux') return;
  try {
    const threadId = Number(/\/task\/(\d+)$/.exec(fs.readlinkSync('/proc/thread-self'))?.[1]);
    // Never the process's main thread: its nice value would be the host's.
    if (Number.isInteger(threadId) && threadId > 0 && threadId !== process.pid) os.setPriority(threadId, WORKER_NICE);
  } catch {
    // No /proc, or not allowed: the thread keeps the priority it has.
  }
}

/**
 * Linux's autogroup scheduling shares the cores between sessions first, then between the threads of
 * each. Playwright starts Chromium in a session of its own, so here the workbench and its webviews were
 * one group and code-server with the extension host another, each given half of the two cores when
 * both were busy. The host's thread sleeps most of the time, so its group's share of the core it woke
 * on was small: it waited up to 75 ms for a core (perf sched), while Chromium ran and even the nice 19
 * stats worker did. A desktop VS Code's processes are one session, and macOS and Windows have no such
 * groups. So the benchmark turns autogroup off for its run when it may (as root), and puts it back after.
 */
import * as fs from 'node:fs';

const AUTOGROUP = '/proc/sys/kernel/sched_autogroup_enabled';

export interface SchedulingGroups {
  /** What the run was scheduled under, for the printed notes. */
  note: string;
  /** Puts autogroup back as it was (once; on exit and on Ctrl+C too). */
  restore(): void;
}

const unchanged = (note: string): SchedulingGroups => ({ note, restore: () => undefined });

/** Unless RTK_BENCH_AUTOGROUP=keep says to leave the kernel's setting as it is. */
export function oneSchedulingGroup(): SchedulingGroups {
  let before: string;
  try {
    before = fs.readFileSync(AUTOGROUP, 'utf8').trim();
  } catch {
    return unchanged('No autogroup scheduling here (not Linux, or no such setting).');
  }
  const split =
    'Autogroup scheduling was on: Chromium and code-server were two groups sharing the cores, which makes ' +
    "the extension host's thread wait longer for a core than in a desktop VS Code.";
  if (before !== '1') return unchanged('Autogroup scheduling was off already: every process scheduled by its threads.');
  if (process.env.RTK_BENCH_AUTOGROUP === 'keep') return unchanged(`${split} (RTK_BENCH_AUTOGROUP=keep)`);
  try {
    fs.writeFileSync(AUTOGROUP, '0');
  } catch {
    return unchanged(`${split} Run as root for the benchmark to turn it off for its run.`);
  }
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    try {
      fs.writeFileSync(AUTOGROUP, before);
    } catch {
      console.error(`[bench] could not put ${AUTOGROUP} back to ${before}`);
    }
  };
  const interrupted = (signal: NodeJS.Signals) => {
    restore();
    process.kill(process.pid, signal);
  };
  process.once('exit', restore);
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  return {
    note: `Autogroup scheduling was turned off for the run (${AUTOGROUP}, put back after), as a desktop VS Code's processes are one group.`,
    restore,
  };
}

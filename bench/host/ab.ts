/**
 * Interleaved A/B of bench:host (a benchmark, not a test): `npm run bench:host:ab -- <git ref> [rounds]`.
 * Runs bench:host on the commit named (A, in a worktree of its own) and on this working tree (B), one
 * after the other, `rounds` times (2 unless said), and compares the runs of each side pooled. On the
 * development machine two batches of runs an hour apart differed by more than most changes do, so
 * only runs taken turn about say whether a change helped. The RTK_BENCH_* settings apply to both sides.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { median, ms, quantile } from './figures';
import type { BenchResults } from './inHost';
import { oneSchedulingGroup } from './schedulingGroups';

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'out', 'bench', 'ab');

interface Side {
  label: string;
  root: string;
  results: BenchResults[];
}

function usage(message: string): never {
  console.error(`[bench:host:ab] ${message}\nUsage: npm run bench:host:ab -- <git ref to compare with> [rounds, 1-10]`);
  process.exit(2);
}

/** Put in a worktree this script made: it is removed after the runs, or by the next run if these were interrupted. */
const MADE_HERE = '.rtk-bench-ab-made';

/**
 * A worktree of `ref` beside the temporary files, sharing this tree's node_modules; `remove` takes away
 * one this script made, and leaves one made otherwise (it may hold files put in it by hand).
 */
function worktreeOf(ref: string): { dir: string; remove: () => void } {
  let commit: string;
  try {
    commit = execFileSync('git', ['rev-parse', '--verify', `${ref}^{commit}`], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' }).trim();
  } catch {
    usage(`"${ref}" names no commit here`);
  }
  const dir = path.join(os.tmpdir(), `rtk-bench-ab-${commit.slice(0, 12)}`);
  if (!fs.existsSync(path.join(dir, 'package.json'))) {
    execFileSync('git', ['worktree', 'add', '--force', '--detach', dir, commit], { cwd: ROOT, stdio: 'inherit' });
    fs.writeFileSync(path.join(dir, MADE_HERE), '');
  }
  const modules = path.join(dir, 'node_modules');
  const remove = () => {
    if (!fs.existsSync(path.join(dir, MADE_HERE))) return;
    try {
      // The link first: removing the worktree must not reach this tree's node_modules through it.
      if (fs.lstatSync(modules, { throwIfNoEntry: false })?.isSymbolicLink()) fs.unlinkSync(modules);
      execFileSync('git', ['worktree', 'remove', '--force', dir], { cwd: ROOT, stdio: 'pipe' });
    } catch (error) {
      console.error(`[bench:host:ab] ${dir} is left behind: ${(error as Error).message}`);
    }
  };
  if (!fs.existsSync(path.join(dir, 'bench', 'host', 'main.ts'))) {
    remove();
    usage(`${ref} has no bench/host/main.ts to run`);
  }
  if (!fs.existsSync(modules)) fs.symlinkSync(path.join(ROOT, 'node_modules'), modules, 'dir');
  return { dir, remove };
}

function runBench(side: Side, round: number): void {
  console.log(`[bench:host:ab] round ${round}: ${side.label}`);
  const run = spawnSync('npx', ['tsx', 'bench/host/main.ts'], { cwd: side.root, stdio: ['ignore', 'ignore', 'inherit'], env: process.env });
  const resultsFile = path.join(side.root, 'out', 'bench', 'host', 'results.json');
  if (run.status !== 0 || !fs.existsSync(resultsFile)) throw new Error(`bench:host failed for ${side.label} (exit ${run.status})`);
  const copy = path.join(OUT, `${side.label.replace(/\W+/g, '-')}-${round}.json`);
  fs.copyFileSync(resultsFile, copy);
  side.results.push(JSON.parse(fs.readFileSync(copy, 'utf8')) as BenchResults);
}

/** Median (p90) of a figure over every run of a side. */
const summary = (values: Array<number | undefined>) => `${ms(median(values))} (${ms(quantile(values, 0.9))})`;

function compare(a: Side, b: Side): void {
  const line = (cells: string[]) => console.log(`| ${cells.join(' | ')} |`);
  console.log(`\nA: ${a.label}, B: ${b.label}; ${a.results.length} rounds, taken turn about. Median (p90) of every run, ms.\n`);
  line([
    'case',
    'A: last byte → painted',
    'B: last byte → painted',
    'A: worst host stall',
    'B: worst host stall',
    'A: host memory rose at most, MB',
    'B: host memory rose at most, MB',
    'runs A / B',
  ]);
  line(['---', '---', '---', '---', '---', '---', '---', '---']);
  const cases = [...new Set(b.results.flatMap((results) => results.stats.map((c) => `${c.name}, ${c.mode}`)))];
  for (const name of cases) {
    const runs = (side: Side) =>
      side.results.flatMap((results) =>
        results.stats.filter((c) => `${c.name}, ${c.mode}` === name).flatMap((c) => c.runs.filter((r) => !r.error)),
      );
    const [ra, rb] = [runs(a), runs(b)];
    line([
      name,
      summary(ra.map((r) => r.lastByteToPaintedMs)),
      summary(rb.map((r) => r.lastByteToPaintedMs)),
      summary(ra.map((r) => r.stallMs)),
      summary(rb.map((r) => r.stallMs)),
      // A commit from before the bench measured memory has none.
      summary(ra.map((r) => r.rssGrowthMb)),
      summary(rb.map((r) => r.rssGrowthMb)),
      `${ra.length} / ${rb.length}`,
    ]);
  }
  const ratios = (side: Side) =>
    side.results.flatMap((results) => results.overview.runs.map((r) => (r.analyseMs && r.boundMs ? r.analyseMs / r.boundMs : undefined)));
  const [oa, ob] = [ratios(a), ratios(b)];
  if (oa.length + ob.length > 0) {
    const each = (values: Array<number | undefined>) => values.map((v) => (v === undefined ? '?' : v.toFixed(2))).join(', ');
    console.log(
      `\nOverview analysed, times its bound, median: A ${median(oa)?.toFixed(2) ?? '–'} (${each(oa)}), B ${median(ob)?.toFixed(2) ?? '–'} (${each(ob)}).`,
    );
    const firsts = (side: Side) => side.results.flatMap((results) => results.overview.runs.map((r) => r.firstVerdictMs));
    const [fa, fb] = [firsts(a), firsts(b)];
    console.log(`Overview's first verdict, ms after the analysis began, median: A ${summary(fa)}, B ${summary(fb)}.`);
  }
}

function main(): void {
  const [ref, roundsText = '2'] = process.argv.slice(2);
  if (!ref) usage('name the commit to compare with');
  const rounds = Number(roundsText);
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 10) usage(`rounds must be a whole number from 1 to 10, not "${roundsText}"`);
  fs.mkdirSync(OUT, { recursive: true });
  const worktree = worktreeOf(ref);
  const a: Side = { label: ref, root: worktree.dir, results: [] };
  const b: Side = { label: 'this tree', root: ROOT, results: [] };
  // Set here for both sides alike: a commit from before schedulingGroups.ts would leave it as it is.
  const scheduling = oneSchedulingGroup();
  try {
    for (let round = 1; round <= rounds; round++) {
      // A first in odd rounds, B first in even ones: neither side always runs on a machine just warmed.
      for (const side of round % 2 ? [a, b] : [b, a]) runBench(side, round);
    }
    compare(a, b);
  } finally {
    scheduling.restore();
    // After the comparison is printed: a worktree git will not remove only warns.
    worktree.remove();
  }
  console.log(`\n${scheduling.note}`);
}

try {
  main();
} catch (error) {
  console.error(`[bench:host:ab] ${(error as Error).message}`);
  process.exitCode = 1;
}

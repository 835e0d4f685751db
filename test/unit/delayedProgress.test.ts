import { strict as assert } from 'node:assert';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CancellationToken } from 'vscode';
import { withDelayedProgress, type ProgressStep, type ShowNotification } from '../../src/commands/support/delayedProgress';

/** A stand-in for VS Code's notification: records what it was told, and can press Cancel. */
function notification() {
  const reports: ProgressStep[] = [];
  const listeners: Array<() => void> = [];
  const shown: { count: number; settled?: Promise<void> } = { count: 0 };
  const token = {
    isCancellationRequested: false,
    onCancellationRequested: (listener: () => void) => {
      listeners.push(listener);
      return { dispose: () => listeners.splice(listeners.indexOf(listener), 1) };
    },
  } as unknown as CancellationToken;
  const show: ShowNotification = (task) => {
    shown.count++;
    shown.settled = task({ report: (step) => reports.push(step) }, token);
    return shown.settled;
  };
  return { show, shown, reports, cancel: () => [...listeners].forEach((listener) => listener()), listeners };
}

describe('progress notifications shown once the work is slow', () => {
  it('shows none for work done within the delay, and gives its result', async () => {
    const { show, shown } = notification();
    const result = await withDelayedProgress(
      show,
      async (_signal, progress) => {
        progress.report({ message: 'quick' });
        return 42;
      },
      50,
    );
    assert.equal(result, 42);
    await sleep(80);
    assert.equal(shown.count, 0);
  });

  it('shows one for slow work, told at once what was reported before it, then each report', async () => {
    const { show, shown, reports } = notification();
    let go!: () => void;
    const running = withDelayedProgress(
      show,
      async (_signal, progress) => {
        progress.report({ message: 'first', increment: 10 });
        progress.report({ message: 'second', increment: 5 });
        await new Promise<void>((resolve) => (go = resolve));
        progress.report({ message: 'third', increment: 1 });
        return 'done';
      },
      20,
    );
    await sleep(60);
    assert.equal(shown.count, 1);
    assert.deepEqual(reports, [{ message: 'second', increment: 15 }]);
    go();
    assert.equal(await running, 'done');
    await shown.settled;
    assert.deepEqual(reports.at(-1), { message: 'third', increment: 1 });
  });

  it("aborts the work's signal when the notification's Cancel is pressed, and lets go of the token after", async () => {
    const { show, shown, cancel, listeners } = notification();
    const running = withDelayedProgress(
      show,
      (signal) =>
        new Promise<string>((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('cancelled')), { once: true })),
      20,
    );
    await sleep(60);
    assert.equal(shown.count, 1);
    cancel();
    await assert.rejects(running, /cancelled/);
    await shown.settled;
    assert.equal(listeners.length, 0);
  });

  it('rejects with the work’s error whether or not the notification showed, and the notification ends', async () => {
    const early = notification();
    await assert.rejects(
      withDelayedProgress(early.show, async () => Promise.reject(new Error('at once')), 20),
      /at once/,
    );
    await sleep(40);
    assert.equal(early.shown.count, 0);

    const late = notification();
    const running = withDelayedProgress(
      late.show,
      async () => {
        await sleep(50);
        throw new Error('later');
      },
      10,
    );
    await assert.rejects(running, /later/);
    assert.equal(late.shown.count, 1);
    await late.shown.settled;
  });

  it('lets the work finish when the notification cannot show, and leaves no rejection unhandled', async () => {
    for (const show of [
      (() => {
        throw new Error('the window is closing');
      }) as ShowNotification,
      (() => Promise.reject(new Error('the window is closing'))) as ShowNotification,
    ]) {
      const result = await withDelayedProgress(
        show,
        async () => {
          await sleep(40);
          return 'done';
        },
        10,
      );
      assert.equal(result, 'done');
    }
  });

  it('turns work that throws before its first await into a rejection', async () => {
    const { show } = notification();
    const work = (() => {
      throw new Error('synchronous');
    }) as unknown as () => Promise<never>;
    await assert.rejects(withDelayedProgress(show, work, 10), /synchronous/);
  });
});

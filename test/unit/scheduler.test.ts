/** The shared request scheduler with fake tasks and short real waits. */
import { strict as assert } from 'node:assert';
import { RealtimeKitApiError } from '../../src/api/errors';
import { estimateRequests, parseRateLimitHeaders, requestKeys, RequestScheduler } from '../../src/api/scheduler';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A task that takes `ms`, records when it started, and ends early (rejecting) when its signal aborts. */
function timedTask(ms: number, log: { started: number[]; signals: AbortSignal[] }, value = 'ok') {
  return (signal: AbortSignal) =>
    new Promise<string>((resolve, reject) => {
      log.started.push(Date.now());
      log.signals.push(signal);
      const timer = setTimeout(() => resolve(value), ms);
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(new Error('aborted'));
      });
    });
}

const newLog = () => ({ started: [] as number[], signals: [] as AbortSignal[] });

describe('RequestScheduler', () => {
  it('never runs more than the bound at once (default 4)', async () => {
    const scheduler = new RequestScheduler();
    let running = 0;
    let peak = 0;
    const task = async () => {
      running += 1;
      peak = Math.max(peak, running);
      await sleep(5 + Math.random() * 10);
      running -= 1;
      return running;
    };
    await Promise.all(Array.from({ length: 30 }, (_, i) => scheduler.run(`k${i}`, task)));
    assert.equal(peak, 4);
    assert.equal(scheduler.stats.maxRunning, 4);
    const two = new RequestScheduler({ concurrency: 2 });
    peak = 0;
    await Promise.all(Array.from({ length: 10 }, (_, i) => two.run(`k${i}`, task)));
    assert.equal(peak, 2);
  });

  it('queues work that finishes something begun ahead of new work, in the order it came', async () => {
    const scheduler = new RequestScheduler({ concurrency: 1 });
    const started: string[] = [];
    const task = (name: string) => async () => {
      started.push(name);
      await sleep(2);
      return name;
    };
    const news = ['new 1', 'new 2', 'new 3'].map((name) => scheduler.run(name, task(name)));
    await sleep(0); // 'new 1' is running; the other two wait
    const follows = ['follow 1', 'follow 2'].map((name) => scheduler.run(name, task(name), { ahead: true }));
    await Promise.all([...news, ...follows]);
    assert.deepEqual(started, ['new 1', 'follow 1', 'follow 2', 'new 2', 'new 3']);
  });

  it('a 429 seen by the HTTP layer pauses every task, then they all go on', async () => {
    const scheduler = new RequestScheduler({ concurrency: 2 });
    const log = newLog();
    const first = scheduler.run('a', timedTask(5, log));
    await sleep(1);
    scheduler.observeResponse({ status: 429, headers: { 'Retry-After': '0.15' } });
    const rest = Array.from({ length: 3 }, (_, i) => scheduler.run(`b${i}`, timedTask(5, log)));
    const pausedAt = Date.now();
    await Promise.all([first, ...rest]);
    // 'a' had already started before the 429; the others waited for Retry-After.
    assert.equal(log.started.length, 4);
    for (const started of log.started.slice(1)) assert.ok(started - pausedAt >= 140, `started ${started - pausedAt} ms after the 429`);
  });

  it('a task failing with 429 pauses everyone and is queued again once', async () => {
    const scheduler = new RequestScheduler({ concurrency: 4 });
    let calls = 0;
    const flaky = async () => {
      calls += 1;
      if (calls === 1)
        throw new RealtimeKitApiError({ kind: 'rateLimited', operation: 'Fetching the peer report', status: 429, retryAfterSeconds: 0.1 });
      return 'second time';
    };
    const started = Date.now();
    const log = newLog();
    const results = await Promise.all([scheduler.run('flaky', flaky), sleep(10).then(() => scheduler.run('other', timedTask(1, log)))]);
    assert.deepEqual(results, ['second time', 'ok']);
    assert.equal(calls, 2);
    assert.ok(log.started[0] - started >= 90, 'the other task waited for the pause');
  });

  it('cancelling a group: queued tasks reject as cancelled and never start, running ones get the signal', async () => {
    const scheduler = new RequestScheduler({ concurrency: 2 });
    const stop = new AbortController();
    const log = newLog();
    const runs = Array.from({ length: 5 }, (_, i) =>
      scheduler.run(`p${i}`, timedTask(50, log), { signal: stop.signal, operation: 'Fetching the peer report' }),
    );
    const outcomes = Promise.allSettled(runs);
    await sleep(10);
    stop.abort();
    const settled = await outcomes;
    assert.equal(log.started.length, 2, 'only the two running tasks ever started');
    assert.ok(
      log.signals.every((signal) => signal.aborted),
      'running tasks saw the abort',
    );
    for (const outcome of settled) {
      assert.equal(outcome.status, 'rejected');
      const reason = (outcome as PromiseRejectedResult).reason as RealtimeKitApiError;
      assert.equal(reason.kind, 'cancelled');
      assert.match(reason.message, /Fetching the peer report failed: cancelled/);
    }
    await sleep(60);
    assert.equal(log.started.length, 2);
    assert.equal(scheduler.stats.queued, 0);
    await assert.rejects(
      scheduler.run('late', timedTask(1, log), { signal: stop.signal }),
      (error: RealtimeKitApiError) => error.kind === 'cancelled',
    );
  });

  it('one caller cancelling does not stop a task another caller still waits for', async () => {
    const scheduler = new RequestScheduler();
    const log = newLog();
    const panel = new AbortController();
    const fromPanel = scheduler.run('peer:a/b/p1', timedTask(30, log, 'report'), { signal: panel.signal });
    const fromOverview = scheduler.run('peer:a/b/p1', timedTask(30, log, 'other'));
    panel.abort();
    await assert.rejects(fromPanel, (error: RealtimeKitApiError) => error.kind === 'cancelled');
    assert.equal(await fromOverview, 'report');
    assert.equal(log.started.length, 1);
    assert.equal(log.signals[0].aborted, false);
  });

  it('de-duplicates identical keys in flight and answers again from the cache until invalidated', async () => {
    const scheduler = new RequestScheduler();
    let calls = 0;
    const task = async () => {
      calls += 1;
      await sleep(10);
      return { calls };
    };
    assert.equal(requestKeys.peerReport({ accountId: 'acct', appId: 'app' }, 'p1'), 'peer:acct/app/p1');
    const [a, b] = await Promise.all([scheduler.run('peer:acct/app/p1', task), scheduler.run('peer:acct/app/p1', task)]);
    assert.equal(calls, 1);
    assert.equal(a, b);
    const started = Date.now();
    assert.equal(await scheduler.run('peer:acct/app/p1', task), a, 'opening again is answered from the cache');
    assert.ok(Date.now() - started < 5);
    assert.equal(calls, 1);
    await scheduler.run('peer:acct/app/p1', task, { refresh: true });
    assert.equal(calls, 2);
    scheduler.invalidate('peer:acct/app/p1');
    await scheduler.run('peer:acct/app/p1', task);
    assert.equal(calls, 3);
    await scheduler.run('peer:acct/app/p2', task);
    scheduler.invalidate((key) => key.startsWith('peer:acct/app/'));
    assert.equal(scheduler.stats.cached, 0);
    await scheduler.run('x', task);
    scheduler.clear();
    assert.equal(scheduler.stats.cached, 0);
  });

  it('does not cache failures', async () => {
    const scheduler = new RequestScheduler();
    let calls = 0;
    const failing = async () => {
      calls += 1;
      throw new Error('404');
    };
    await assert.rejects(scheduler.run('k', failing));
    await assert.rejects(scheduler.run('k', failing));
    assert.equal(calls, 2);
  });

  it('spreads starts over the reset time when fewer requests remain than are queued', async () => {
    const scheduler = new RequestScheduler({ concurrency: 4, reserve: 0 });
    // 4 left for 0.2 s and 6 queued: one start every 50 ms, then the rest after the reset.
    scheduler.observeRateLimit({ remaining: 4, resetSeconds: 0.2, limit: 1200 });
    const log = newLog();
    const started = Date.now();
    await Promise.all(Array.from({ length: 6 }, (_, i) => scheduler.run(`k${i}`, timedTask(1, log))));
    const offsets = log.started.map((at) => at - started);
    for (let i = 1; i < 4; i++) assert.ok(offsets[i] - offsets[i - 1] >= 40, `spaced: ${offsets.join(', ')}`);
    assert.ok(offsets[4] >= 190, `waited for the reset: ${offsets.join(', ')}`);
  });

  it('does not slow down while the remaining budget covers the queue', async () => {
    const scheduler = new RequestScheduler({ concurrency: 8 });
    scheduler.observeResponse({
      status: 200,
      headers: { ratelimit: '"default";r=1000;t=300', 'ratelimit-policy': '"default";q=1200;w=300' },
    });
    const log = newLog();
    const started = Date.now();
    await Promise.all(Array.from({ length: 8 }, (_, i) => scheduler.run(`k${i}`, timedTask(1, log))));
    assert.ok(Date.now() - started < 50);
  });

  it('reads the rate-limit headers of the IETF drafts', () => {
    assert.deepEqual(parseRateLimitHeaders({ Ratelimit: '"default";r=50;t=30', 'Ratelimit-Policy': '"default";q=1200;w=300' }), {
      remaining: 50,
      resetSeconds: 30,
      limit: 1200,
    });
    assert.deepEqual(parseRateLimitHeaders({ ratelimit: '"burst";r=5;t=1, "daily";r=100;t=3600' }), {
      remaining: 5,
      resetSeconds: 1,
      limit: undefined,
    });
    assert.deepEqual(parseRateLimitHeaders({ RateLimit: 'limit=100, remaining=50, reset=5' }), {
      remaining: 50,
      resetSeconds: 5,
      limit: 100,
    });
    assert.deepEqual(parseRateLimitHeaders({ 'RateLimit-Remaining': '7', 'RateLimit-Reset': '12', 'RateLimit-Limit': '60' }), {
      remaining: 7,
      resetSeconds: 12,
      limit: 60,
    });
    assert.deepEqual(parseRateLimitHeaders({ 'x-ratelimit-remaining': 3, 'x-ratelimit-reset': 9 }), {
      remaining: 3,
      resetSeconds: 9,
      limit: undefined,
    });
    assert.equal(parseRateLimitHeaders({ 'content-type': 'application/json' }), undefined);
    assert.equal(parseRateLimitHeaders({ ratelimit: 'garbage' }), undefined);
    const bag = new Map([['ratelimit', '"default";r=2;t=4']]);
    assert.deepEqual(parseRateLimitHeaders({ get: (name: string) => bag.get(name) }), { remaining: 2, resetSeconds: 4, limit: undefined });
  });

  it('estimates how long N requests take at 1,200 per 5 minutes', () => {
    assert.deepEqual(estimateRequests(600), { requests: 600, seconds: 150, text: '600 requests, about 2 min 30 s' });
    assert.equal(estimateRequests(2400).text, '2,400 requests, about 10 min');
    assert.equal(estimateRequests(1, { latencyMs: 2000 }).seconds, 2, 'the latency bound when it is slower');
    assert.equal(estimateRequests(1).text, '1 request, about 1 s');
  });
});

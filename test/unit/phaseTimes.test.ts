import { strict as assert } from 'node:assert';
import { formatPhases, isPaintOf, PhaseRecorder } from '../../src/common/phaseTimes';
import { isWebviewStart, isWebviewToHost } from '../../src/shared/messages';

describe('phase times of an inspection', () => {
  it("splits a new webview's start from the data's wait for it", () => {
    const phases = new PhaseRecorder();
    phases.request({ path: '/participant', started: 1_000, headers: 1_050, lastByte: 1_100, bytes: 2_048, parseMs: 3 });
    phases.analysedAt = 1_300;
    phases.postedAt = 2_210;
    phases.webview = { htmlAt: 950, serviceWorkerMs: 980, bundleMs: 40, readyAt: 2_200 };
    phases.rendered = { received: 2_260, painted: 2_400 };
    const summary = phases.summary();
    assert.equal(summary.webviewStartMs, 1_250);
    assert.equal(summary.serviceWorkerMs, 980);
    assert.equal(summary.webviewBundleMs, 40);
    assert.equal(summary.waitedForWebviewMs, 900, 'analysed at 1,300, the webview ready at 2,200');
    assert.equal(summary.lastByteToPaintedMs, 1_300);
    assert.match(
      formatPhases(summary),
      /a new webview, ready 1250 ms after its HTML \(980 ms of it waiting for VS Code's service worker, script and styles 40 ms\), the data waited 900 ms for it/,
    );
  });

  it('says nothing of a webview that was already open', () => {
    const phases = new PhaseRecorder();
    phases.analysedAt = 1_300;
    const summary = phases.summary();
    assert.equal(summary.webviewStartMs, undefined);
    assert.equal(summary.waitedForWebviewMs, undefined);
    assert.doesNotMatch(formatPhases(summary), /new webview/);
  });

  it('the data did not wait for a webview ready before it was analysed', () => {
    const phases = new PhaseRecorder();
    phases.analysedAt = 3_000;
    phases.webview = { htmlAt: 900, serviceWorkerMs: 20, bundleMs: 35, readyAt: 1_500 };
    assert.equal(phases.summary().waitedForWebviewMs, 0);
  });
});

describe("a webview's ready message", () => {
  it('may carry how it started, read only when well-formed: a webview that says it is ready is', () => {
    assert.equal(isWebviewStart({ serviceWorkerMs: 981, bundleMs: 40, readyAt: 1_796_627_543_086 }), true);
    assert.equal(isWebviewStart({ serviceWorkerMs: -1, bundleMs: 40, readyAt: 1 }), false);
    assert.equal(isWebviewStart({ serviceWorkerMs: Number.NaN, bundleMs: 40, readyAt: 1 }), false);
    assert.equal(isWebviewStart({ serviceWorkerMs: '981', bundleMs: 40, readyAt: 1 }), false);
    assert.equal(isWebviewStart(null), false);
    assert.equal(isWebviewToHost({ type: 'ready' }), true);
    assert.equal(isWebviewToHost({ type: 'ready', start: { serviceWorkerMs: Number.NaN } }), true);
  });

  it('times only the paint of the data posted, not a paint of what a restarting webview was given before', () => {
    const posted = { fetchedAt: '2026-12-07T10:00:05Z' };
    assert.ok(isPaintOf({ fetchedAt: '2026-12-07T10:00:05Z' }, posted));
    assert.ok(!isPaintOf({ fetchedAt: '2026-12-07T10:00:00Z' }, posted), 'older data painted first');
    assert.ok(!isPaintOf({}, posted), 'a paint that does not say of what');
    assert.ok(!isPaintOf({}, {}), 'nor when nothing was posted with a fetch time');
    const checked = { fetchedAt: '2026-12-07T10:00:05Z', checkedAt: '2026-12-07T10:01:00Z' };
    assert.ok(isPaintOf({ ...checked }, checked), 'a Refresh that found the same answers');
    assert.ok(!isPaintOf({ fetchedAt: checked.fetchedAt }, checked), 'the paint of the data before it was checked again');
    assert.ok(!isPaintOf({ fetchedAt: checked.fetchedAt, checkedAt: '2026-12-07T10:00:30Z' }, checked), 'an earlier check');
  });

  it("accepts a 'rendered' that says which data it painted, and refuses one that says it wrongly", () => {
    const timings = { received: 1, painted: 2 };
    assert.ok(isWebviewToHost({ type: 'rendered', fetchedAt: 'a', checkedAt: 'b', timings }));
    assert.ok(isWebviewToHost({ type: 'rendered' }));
    assert.ok(!isWebviewToHost({ type: 'rendered', fetchedAt: 5, timings }));
    assert.ok(!isWebviewToHost({ type: 'rendered', checkedAt: {}, timings }));
  });
});

/** How this webview's document started, from the browser's own timing (see WebviewStart). */
import type { WebviewStart } from '../shared/messages';

/** Undefined where the browser cannot say: the panel starts all the same. */
export function webviewStart(): WebviewStart | undefined {
  try {
    return measured();
  } catch {
    return undefined;
  }
}

function measured(): WebviewStart {
  const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const bundle = performance
    .getEntriesByType('resource')
    .filter((entry) => /\.(js|css)$/.test(pathOf(entry.name))) as PerformanceResourceTiming[];
  const bundleMs =
    bundle.length > 0 ? Math.max(...bundle.map((entry) => entry.responseEnd)) - Math.min(...bundle.map((entry) => entry.startTime)) : 0;
  return { serviceWorkerMs: Math.max(0, navigation?.workerStart ?? 0), bundleMs: Math.max(0, bundleMs), readyAt: Date.now() };
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

import { strict as assert } from 'node:assert';
import type uPlot from 'uplot';
import { linkZoom } from '../../src/webview/charts/linkZoom';

/** A plot as linkZoom sees it: its x window, and the windows it was asked to show. */
function fakePlot(min: number, max: number): uPlot & { asked: Array<{ min: number; max: number }> } {
  const plot = {
    scales: { x: { min, max } },
    asked: [] as Array<{ min: number; max: number }>,
    setScale(_key: string, window: { min: number; max: number }) {
      plot.asked.push(window);
      plot.scales.x = window;
    },
  };
  return plot as unknown as uPlot & { asked: Array<{ min: number; max: number }> };
}

describe('linkZoom (the charts and timeline of a view share a time window)', () => {
  it('mirrors a window on the other plots, not on the source, one showing it already, or one waiting to be drawn', () => {
    const source = fakePlot(0, 100);
    const other = fakePlot(0, 100);
    const already = fakePlot(20, 40);
    const waiting = fakePlot(0, 100);
    const heard: string[] = [];
    const mirror = linkZoom(
      [source, other, already, waiting],
      (min, max) => heard.push(`${min}-${max}`),
      (plot) => plot === waiting,
    );
    source.scales.x = { min: 20, max: 40 };
    mirror(source)(20, 40);
    assert.deepEqual(other.asked, [{ min: 20, max: 40 }]);
    assert.deepEqual(already.asked, [], 'already on the window: not redrawn');
    assert.deepEqual(waiting.asked, [], 'out of sight, waiting for newer data: left alone');
    assert.deepEqual(source.asked, []);
    assert.deepEqual(heard, ['20-40'], 'the window is heard once');
  });

  it('mirrors every plot when none is waiting', () => {
    const [a, b] = [fakePlot(0, 10), fakePlot(0, 10)];
    linkZoom([a, b], () => undefined)(a)(2, 5);
    assert.deepEqual(b.asked, [{ min: 2, max: 5 }]);
  });
});

/** The zoom the charts and timeline of one view share. Pure: no DOM, so unit tests run it as is. */
import type uPlot from 'uplot';

/**
 * Mirrors a zoom of one plot on every other in `plots` (the charts and timeline of one view share a
 * time window); `onWindow` hears every window shown. Plots `waiting` to be drawn (out of sight, with
 * data older than they will show) are left alone: they take the window when they are drawn.
 */
export function linkZoom(
  plots: readonly uPlot[],
  onWindow: (min: number, max: number) => void,
  waiting: (plot: uPlot) => boolean = () => false,
): (source: uPlot) => (min: number, max: number) => void {
  let syncing = false;
  return (source) => (min, max) => {
    onWindow(min, max);
    if (syncing) return;
    syncing = true;
    // A plot already showing the window is not redrawn.
    for (const plot of plots)
      if (plot !== source && !waiting(plot) && (plot.scales.x.min !== min || plot.scales.x.max !== max)) plot.setScale('x', { min, max });
    syncing = false;
  };
}

/** One uPlot chart: themed, cursor synced with its siblings, drag to zoom, legend entries toggle series. */
import uPlot from 'uplot';
import { plotSource, type ChartModel } from './chartData';
import { seriesColour, type ChartTheme } from './theme';
import { UTC_AXIS_VALUES, UTC_LEGEND_TIME, utcDate } from './utcTime';

export interface Band {
  /** Seconds. */
  from: number;
  to: number;
}

export interface ChartOptions {
  width: number;
  height?: number;
  syncKey: string;
  theme: ChartTheme;
  bands?: Band[];
  /** Indices into the model's series that start hidden (a restored legend toggle). */
  hiddenSeries?: readonly number[];
  /** Line width in CSS pixels (default 1.5). 1 draws hairlines, which software rendering rasterises many times faster. */
  lineWidth?: number;
  /** Buckets (each drawn as its min and max) per pixel column; 1 by default. */
  bucketsPerPixel?: number;
  /** Called when the user zooms or resets; the caller mirrors it on the other charts. */
  onZoom?: (min: number, max: number) => void;
}

/** Shades the time windows of detected issues behind the series; `bands` is read at each draw, so it may change. */
function bandsPlugin(bands: () => readonly Band[], colour: string): uPlot.Plugin {
  return {
    hooks: {
      drawAxes: (plot) => {
        const { ctx } = plot;
        const { top, height } = plot.bbox;
        ctx.save();
        ctx.globalAlpha = 0.12;
        ctx.fillStyle = colour;
        for (const band of bands()) {
          const left = plot.valToPos(band.from, 'x', true);
          const right = plot.valToPos(band.to, 'x', true);
          if (right > left) ctx.fillRect(left, top, Math.max(2, right - left), height);
        }
        ctx.restore();
      },
    },
  };
}

/** Every chart and the events timeline share one y-axis width, so their time axes line up. */
export const Y_AXIS_SIZE = 72;

/** Axis colours from the theme, shared by the charts and the events timeline. */
export function axisStyle(theme: ChartTheme): uPlot.Axis {
  return { stroke: theme.foreground, grid: { stroke: theme.grid, width: 1 }, ticks: { stroke: theme.grid, width: 1 } };
}

/** Shows a time window (epoch ms) with some room either side; synced charts follow. */
export function zoomAround(plot: uPlot | undefined, fromMs: number, toMs: number): void {
  const pad = Math.max(10, (toMs - fromMs) / 1000 / 2);
  plot?.setScale('x', { min: fromMs / 1000 - pad, max: toMs / 1000 + pad });
}

/** A chart, and how to give it new data without building it again. */
export interface Chart {
  plot: uPlot;
  /**
   * Draws `model` (the same metric and series as the chart's: sameSeries) in the same canvas over `window`
   * (seconds): a Refresh, or every sample after a preview. The bands replace the old ones.
   */
  setModel(model: ChartModel, bands: readonly Band[], window: { min: number; max: number }): void;
}

/** Whether `next` can be drawn by a chart built for `shown`: the same metric, with the same series in the same order. */
export function sameSeries(shown: ChartModel, next: ChartModel): boolean {
  return (
    shown.metric.id === next.metric.id &&
    shown.series.length === next.series.length &&
    shown.series.every(
      (series, index) =>
        series.label === next.series[index].label &&
        series.trackIndex === next.series[index].trackIndex &&
        series.colour === next.series[index].colour,
    )
  );
}

export function createChart(target: HTMLElement, model: ChartModel, options: ChartOptions): Chart {
  const { theme } = options;
  const bucketsPerPixel = options.bucketsPerPixel ?? 1;
  let source = plotSource(model);
  let bands: readonly Band[] = options.bands ?? [];
  const bucketsFor = (width: number) => Math.max(50, Math.round(width * bucketsPerPixel));
  // What the plotted data was decimated for: a scale change that keeps the whole call in view at the
  // same width (the synced charts' first setScale) needs no new data and no second draw.
  let decimated = { min: source.first, max: source.last, buckets: bucketsFor(options.width) };
  // Redraw from the full data at the zoomed range's resolution, once per frame at most.
  let pending = false;
  const redecimate = (plot: uPlot) => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      const { min, max } = plot.scales.x;
      if (min === undefined || max === undefined) return;
      const buckets = bucketsFor(plot.bbox.width / devicePixelRatio);
      const { first, last } = source;
      const whole = min <= first && max >= last;
      if (
        decimated.buckets === buckets &&
        (whole ? decimated.min <= first && decimated.max >= last : decimated.min === min && decimated.max === max)
      )
        return;
      decimated = { min, max, buckets };
      plot.setData(source.window(min, max, buckets) as uPlot.AlignedData, false);
    });
  };
  const axis = axisStyle(theme);
  const config: uPlot.Options = {
    width: options.width,
    height: options.height ?? 170,
    tzDate: utcDate,
    scales: {
      x: { time: true, range: (_plot, min, max) => (min === max ? [source.first - 30, source.last + 30] : [min, max]) },
      y: model.metric.range ? { range: model.metric.range } : { auto: true },
    },
    axes: [
      { ...axis, values: UTC_AXIS_VALUES },
      { ...axis, size: Y_AXIS_SIZE, values: (_plot, ticks) => ticks.map((tick) => `${tick}`) },
    ],
    series: [
      { label: 'time', value: UTC_LEGEND_TIME },
      ...model.series.map((series, index) => ({
        label: series.label,
        show: !options.hiddenSeries?.includes(index),
        stroke: seriesColour(theme, series.colour ?? series.trackIndex),
        width: options.lineWidth ?? 1.5,
        points: { show: false },
        value: (_plot: uPlot, value: number | null) =>
          value === null || value === undefined ? '–' : `${Math.round(value * 100) / 100} ${model.metric.unit}`,
      })),
    ],
    cursor: {
      sync: { key: options.syncKey },
      drag: { x: true, y: false, setScale: true },
      // The plotted data is a decimated slice after a zoom: reset to the whole call, not to that slice.
      bind: { dblclick: (plot) => () => (plot.setScale('x', { min: source.first, max: source.last }), null) },
    },
    legend: { live: true },
    plugins: [bandsPlugin(() => bands, theme.band)],
    hooks: {
      setScale: [
        (plot, key) => {
          if (key !== 'x' || plot.scales.x.min === undefined || plot.scales.x.max === undefined) return;
          redecimate(plot);
          options.onZoom?.(plot.scales.x.min, plot.scales.x.max);
        },
      ],
    },
  };
  const plot = new uPlot(config, source.window(decimated.min, decimated.max, decimated.buckets) as uPlot.AlignedData, target);
  keyboardLegend(plot);
  return {
    plot,
    setModel(next, nextBands, { min, max }) {
      source = plotSource(next);
      bands = nextBands;
      decimated = { min, max, buckets: bucketsFor(plot.bbox.width / devicePixelRatio) };
      // One draw for both: the scale change then finds the data already decimated for it.
      plot.batch(() => {
        plot.setData(source.window(min, max, decimated.buckets) as uPlot.AlignedData, false);
        plot.setScale('x', { min, max });
      });
    },
  };
}

/**
 * uPlot's legend toggles a series on click only: make each entry a focusable toggle button too. Its
 * pressed state follows every show/hide, whether from a click, a key or code.
 */
export function keyboardLegend(plot: uPlot): void {
  const entries = plot.root.querySelectorAll<HTMLElement>('.u-legend .u-series');
  const sync = (index: number) => entries[index]?.setAttribute('aria-pressed', String(plot.series[index].show !== false));
  (plot.hooks.setSeries ??= []).push((_plot, index) => index !== null && index > 0 && sync(index));
  entries.forEach((entry, index) => {
    if (index === 0) return; // the time column
    entry.tabIndex = 0;
    entry.setAttribute('role', 'button');
    sync(index);
    entry.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      plot.setSeries(index, { show: plot.series[index].show === false });
    });
  });
}

/**
 * The compare panel's charts: each metric sent and received, one line per participant, every chart and
 * the participants' events lanes on one time axis (cursor and zoom synced). A legend toggle hides or
 * shows that participant in every chart. Each chart has a table view.
 */
import uPlot from 'uplot';
import { maxOf, minOf } from '../../shared/extent';
import { plotSource } from '../charts/chartData';
import { chartTheme, seriesColour, type ChartTheme } from '../charts/theme';
import { linkZoom } from '../charts/linkZoom';
import { axisStyle, createChart, keyboardLegend, Y_AXIS_SIZE, zoomAround } from '../charts/uplotChart';
import { UTC_AXIS_VALUES, UTC_LEGEND_TIME, utcDate } from '../charts/utcTime';
import { el } from '../dom';
import { chartFigure } from '../sections/qualitySection';
import type { CompareChart } from './compareSeries';
import type { CompareTimeline, Lane, TimelineEntry } from './compareTimeline';

const SYNC_KEY = 'realtimekit-compare';

/** The part of the saved state the charts read and change. */
export interface ChartsState {
  /** Epoch ms; absent: the whole call. */
  zoom?: { from: number; to: number };
  hidden: string[];
}

export interface ChartsView {
  element: HTMLElement;
  /** Creates the plots once the element is in the document (uPlot measures it). */
  mount(): void;
  /** Epoch ms. */
  zoomTo(from: number, to: number): void;
  destroy(): void;
}

const clock = (seconds: number) => new Date(seconds * 1000).toISOString().slice(11, 19);

export function chartsView(
  charts: readonly CompareChart[],
  timeline: CompareTimeline,
  state: ChartsState,
  onChange: () => void,
): ChartsView {
  const plots: uPlot[] = [];
  /** Per plot, the participant of each series (series 0 is time). */
  const owners: string[][] = [];
  const spans = charts.map((chart) => plotSource(chart.model));
  const starts = [...spans.map((span) => span.first), ...timeline.x.slice(0, 1)];
  const ends = [...spans.map((span) => span.last), ...timeline.x.slice(-1)];
  const whole = starts.length ? { min: minOf(starts)!, max: maxOf(ends)! } : undefined;

  const windowLabel = el('span', { id: 'zoom-window', 'aria-live': 'polite' });
  const mirrorZoom = linkZoom(plots, (min, max) => {
    windowLabel.textContent = `Showing ${clock(min)} to ${clock(max)} UTC. `;
    state.zoom = whole && min <= whole.min && max >= whole.max ? undefined : { from: min * 1000, to: max * 1000 };
    onChange();
  });
  /** A legend toggle in one plot hides or shows that participant in every plot. */
  const mirrorToggle = (source: uPlot, index: number | null, show: boolean | undefined) => {
    const id = index === null ? undefined : owners[plots.indexOf(source)]?.[index - 1];
    if (id === undefined || show === undefined) return;
    const hidden = state.hidden.includes(id);
    if (hidden === !show) return;
    state.hidden = show ? state.hidden.filter((other) => other !== id) : [...state.hidden, id];
    onChange();
    plots.forEach((plot, p) => {
      const at = owners[p].indexOf(id) + 1;
      if (plot !== source && at > 0 && plot.series[at].show !== show) plot.setSeries(at, { show });
    });
  };

  const figures = charts.map((chart) => ({
    chart,
    figure: chartFigure(chart.model, chart.subtitle).figure,
    target: el('div', { class: 'plot' }),
  }));
  const lanesTarget = el('div', { class: 'plot timeline' });
  const container = el('div', { class: 'quality compare-charts' });
  if (!whole) container.append(el('p', { class: 'muted' }, 'No quality samples or events for these participants.'));
  else {
    const reset = el('button', { type: 'button', class: 'link', id: 'zoom-reset' }, 'Show the whole call');
    reset.addEventListener('click', () => plots[0]?.setScale('x', whole));
    container.append(
      el(
        'p',
        { class: 'muted hint' },
        windowLabel,
        'Drag across a chart to zoom, double-click to reset; click a participant in a legend (or focus it and press Enter) to hide or show it in every chart. ',
        reset,
      ),
    );
  }
  for (const { figure, target } of figures) {
    figure.querySelector('.plot-slot')!.append(target);
    container.append(figure);
  }
  if (timeline.lanes.length > 0) {
    container.append(
      el(
        'figure',
        { class: 'chart', id: 'events-lanes', 'aria-label': 'Events and issue windows per participant' },
        el('figcaption', {}, 'Events and issue windows, one lane per participant'),
        el('p', { class: 'muted chart-subtitle' }, 'Points are SDK events; shaded spans are detected issues, in the participant’s colour.'),
        lanesTarget,
        entryList(timeline.entries),
      ),
    );
  }

  const width = () => Math.max(320, container.clientWidth - 8);
  // Only a change of width redraws (the observer also fires once when it starts).
  let lastWidth = 0;
  const resize = new ResizeObserver(() => {
    const next = width();
    if (next === lastWidth) return;
    lastWidth = next;
    plots.forEach((plot) => plot.setSize({ width: next, height: plot.height }));
  });

  const track = (plot: uPlot, participantIds: string[]) => {
    plots.push(plot);
    owners.push(participantIds);
    (plot.hooks.setSeries ??= []).push((source, index, options) => mirrorToggle(source, index, options.show));
  };

  return {
    element: container,
    mount() {
      if (!whole) return;
      const theme = chartTheme();
      lastWidth = width();
      for (const { chart, target } of figures) {
        const hiddenSeries = chart.participantIds.flatMap((id, index) => (state.hidden.includes(id) ? [index] : []));
        const { plot } = createChart(target, chart.model, {
          width: lastWidth,
          syncKey: SYNC_KEY,
          theme,
          hiddenSeries,
          // Up to eight lines per chart: hairlines keep them apart, and paint fastest; a bucket per two
          // pixel columns (still its min and max, so spikes stay) halves what eight lines draw.
          lineWidth: 1,
          bucketsPerPixel: 0.5,
          onZoom: (min, max) => mirrorZoom(plot)(min, max),
        });
        track(plot, chart.participantIds);
      }
      if (timeline.lanes.length > 0) {
        const lanes: uPlot = createLanes(lanesTarget, timeline, lastWidth, theme, state.hidden, (min, max) => mirrorZoom(lanes)(min, max));
        track(
          lanes,
          timeline.lanes.map((lane) => lane.participantId),
        );
      }
      const saved = state.zoom;
      const start =
        saved && saved.from / 1000 < whole.max && saved.to / 1000 > whole.min ? { min: saved.from / 1000, max: saved.to / 1000 } : whole;
      plots[0].setScale('x', start);
      resize.observe(container);
    },
    zoomTo(from, to) {
      zoomAround(plots[0], from, to);
      container.scrollIntoView({ behavior: 'smooth', block: 'start' });
    },
    destroy() {
      resize.disconnect();
      plots.forEach((plot) => plot.destroy());
      plots.length = 0;
      owners.length = 0;
    },
  };
}

/** Lane labels on the y axis are clipped to its width; the legend and the list carry the full names. */
const shortLabel = (label: string) => (label.length > 7 ? `${label.slice(0, 6)}…` : label);

/** Shades each visible lane's issue windows behind its events. */
function windowsPlugin(lanes: readonly Lane[], theme: ChartTheme): uPlot.Plugin {
  return {
    hooks: {
      drawAxes: (plot) => {
        const { ctx } = plot;
        ctx.save();
        ctx.globalAlpha = 0.3;
        lanes.forEach((lane, index) => {
          if (plot.series[index + 1].show === false) return;
          ctx.fillStyle = seriesColour(theme, lane.colour);
          const top = plot.valToPos(lane.row + 0.3, 'y', true);
          const bottom = plot.valToPos(lane.row - 0.3, 'y', true);
          for (const window of lane.windows) {
            const left = plot.valToPos(window.from, 'x', true);
            const right = plot.valToPos(window.to, 'x', true);
            ctx.fillRect(left, top, Math.max(2, right - left), bottom - top);
          }
        });
        ctx.restore();
      },
    },
  };
}

function createLanes(
  target: HTMLElement,
  timeline: CompareTimeline,
  width: number,
  theme: ChartTheme,
  hidden: readonly string[],
  onZoom: (min: number, max: number) => void,
): uPlot {
  const { lanes } = timeline;
  const axis = axisStyle(theme);
  const options: uPlot.Options = {
    width,
    height: 60 + lanes.length * 24,
    tzDate: utcDate,
    scales: { x: { time: true }, y: { range: [0.5, lanes.length + 0.5] } },
    axes: [
      { ...axis, values: UTC_AXIS_VALUES },
      {
        ...axis,
        size: Y_AXIS_SIZE,
        splits: () => lanes.map((lane) => lane.row),
        values: (_plot, ticks) => ticks.map((tick) => shortLabel(lanes.find((lane) => lane.row === tick)?.label ?? '')),
      },
    ],
    series: [
      { label: 'time', value: UTC_LEGEND_TIME },
      ...lanes.map((lane) => ({
        label: lane.label,
        show: !hidden.includes(lane.participantId),
        stroke: seriesColour(theme, lane.colour),
        paths: () => null,
        points: { show: true, size: 9, fill: seriesColour(theme, lane.colour) },
        value: (_plot: uPlot, _value: number | null, _series: number, dataIndex: number | null) =>
          dataIndex === null ? '–' : (lane.names[dataIndex] ?? '–'),
      })),
    ],
    cursor: { sync: { key: SYNC_KEY }, drag: { x: true, y: false, setScale: true } },
    plugins: [windowsPlugin(lanes, theme)],
    hooks: {
      setScale: [
        (plot, key) =>
          key === 'x' && plot.scales.x.min !== undefined && plot.scales.x.max !== undefined && onZoom(plot.scales.x.min, plot.scales.x.max),
      ],
    },
  };
  const plot = new uPlot(options, [timeline.x, ...lanes.map((lane) => lane.values)] as uPlot.AlignedData, target);
  keyboardLegend(plot);
  return plot;
}

function entryList(entries: readonly TimelineEntry[]): HTMLElement {
  const when = (entry: TimelineEntry) => (entry.to === undefined ? clock(entry.t) : `${clock(entry.t)} to ${clock(entry.to)}`);
  return el(
    'details',
    { class: 'event-list' },
    el('summary', {}, `All ${entries.length} events and issue windows as a list`),
    el(
      'table',
      { class: 'data-table' },
      el(
        'thead',
        {},
        el('tr', {}, ...['Time (UTC)', 'Participant', 'Kind', 'Name', 'Detail'].map((title) => el('th', { scope: 'col' }, title))),
      ),
      el(
        'tbody',
        {},
        ...entries.map((entry) =>
          el(
            'tr',
            {},
            el('td', {}, when(entry)),
            el('td', {}, entry.participant),
            el('td', {}, entry.kind === 'issue' ? 'Issue window' : 'Event'),
            el('td', {}, entry.name),
            el('td', {}, entry.detail ?? ''),
          ),
        ),
      ),
    ),
  );
}

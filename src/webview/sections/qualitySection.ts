/**
 * Quality over time for one peer: a uPlot chart per metric (cursor and zoom synced across them and the
 * events timeline), issue windows shaded, a table view per chart, and cumulative percentiles.
 */
import uPlot from 'uplot';
import { maxOf, minOf } from '../../shared/extent';
import type { DetectedIssue, PeerEventModel } from '../../shared/model';
import type { WirePeerStats } from '../../shared/wire';
import type { PercentileRow } from '../../shared/metrics';
import { buildCharts, type ChartModel } from '../charts/chartData';
import { chartTheme, type ChartTheme } from '../charts/theme';
import { timelineEvents, timelineModel } from '../charts/timelineData';
import { axisStyle, createChart, keyboardLegend, linkZoom, Y_AXIS_SIZE, zoomAround, type Band } from '../charts/uplotChart';
import { utcDate } from '../charts/utcTime';
import { el } from '../dom';
import { chartTable } from './chartTable';

export interface QualityView {
  element: HTMLElement;
  /** Creates the charts once the element is in the document (uPlot measures it). */
  mount(): void;
  zoomTo(fromMs: number, toMs: number): void;
  destroy(): void;
}

const SYNC_KEY = 'realtimekit-quality';

export function qualitySection(
  peer: WirePeerStats | undefined,
  peerEvents: readonly PeerEventModel[],
  issues: readonly DetectedIssue[],
): QualityView {
  const charts = buildCharts(peer?.tracks ?? []);
  const events = timelineEvents(peerEvents, peer, issues);
  const plots: uPlot[] = [];
  const windowLabel = el('span', { id: 'zoom-window', 'aria-live': 'polite' });
  const clock = (seconds: number) => new Date(seconds * 1000).toISOString().slice(11, 19);
  const mirrorZoom = linkZoom(plots, (min, max) => (windowLabel.textContent = `Showing ${clock(min)} to ${clock(max)} UTC. `));
  const bands: Band[] = issues
    .filter(
      (issue) => issue.from !== undefined && issue.to !== undefined && (!peer?.peerId || !issue.peerId || issue.peerId === peer.peerId),
    )
    .map((issue) => ({ from: issue.from! / 1000, to: issue.to! / 1000 }));

  const figures = charts.map((model) => ({ model, figure: chartFigure(model), target: el('div', { class: 'plot' }) }));
  const timelineTarget = el('div', { class: 'plot timeline' });
  const container = el('div', { class: 'quality' });
  if (charts.length === 0) container.append(el('p', { class: 'muted' }, 'No quality samples for this peer in this answer.'));
  for (const { figure, target } of figures) {
    figure.querySelector('.plot-slot')!.append(target);
    container.append(figure);
  }
  if (events.length > 0) {
    container.append(
      el(
        'figure',
        { class: 'chart', 'aria-label': 'Events timeline' },
        el('figcaption', {}, 'Events on the same time axis'),
        timelineTarget,
        eventList(events),
      ),
    );
  }
  container.append(...percentileTable(peer?.percentiles ?? []));
  let whole: { min: number; max: number } | undefined;
  if (charts.length > 0) {
    const reset = el('button', { type: 'button', class: 'link', id: 'zoom-reset' }, 'Show the whole call');
    reset.addEventListener('click', () => whole && plots[0]?.setScale('x', whole));
    container.prepend(
      el(
        'p',
        { class: 'muted hint' },
        windowLabel,
        'Drag across a chart to zoom, double-click to reset; click a legend entry (or focus it and press Enter) to hide or show its series. ',
        reset,
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

  return {
    element: container,
    mount() {
      const theme = chartTheme();
      lastWidth = width();
      for (const { model, target } of figures) {
        const plot = createChart(target, model, {
          width: width(),
          syncKey: SYNC_KEY,
          theme,
          bands,
          onZoom: (min, max) => mirrorZoom(plot)(min, max),
        });
        plots.push(plot);
      }
      if (events.length > 0) plots.push(createTimeline(timelineTarget, events, width(), theme, plots[0], (plot) => mirrorZoom(plot)));
      // Tracks cover different spans: start every chart on the whole call.
      const starts = [...charts.map((chart) => chart.x[0]), ...events.map((event) => event.t)];
      const ends = [...charts.map((chart) => chart.x[chart.x.length - 1]), ...events.map((event) => event.t)];
      if (plots[0] && starts.length > 0) {
        whole = { min: minOf(starts)!, max: maxOf(ends)! };
        plots[0].setScale('x', whole);
      }
      resize.observe(container);
    },
    zoomTo(fromMs, toMs) {
      zoomAround(plots[0], fromMs, toMs);
      container.scrollIntoView({ behavior: 'smooth', block: 'start' });
    },
    destroy() {
      resize.disconnect();
      plots.forEach((plot) => plot.destroy());
      plots.length = 0;
    },
  };
}

function percentileTable(rows: readonly PercentileRow[]): HTMLElement[] {
  if (rows.length === 0) return [];
  return [
    el('h3', {}, 'Cumulative percentiles'),
    el(
      'table',
      { class: 'data-table percentiles' },
      el(
        'thead',
        {},
        el('tr', {}, ...['Metric', 'Track', 'p50', 'p75', 'p90', 'Samples'].map((title) => el('th', { scope: 'col' }, title))),
      ),
      el(
        'tbody',
        {},
        ...rows.map((row) =>
          el(
            'tr',
            {},
            el('td', {}, `${row.metric} (${row.unit})`),
            el('td', {}, row.track),
            el('td', {}, fmt(row.p50)),
            el('td', {}, fmt(row.p75)),
            el('td', {}, fmt(row.p90)),
            el('td', {}, String(row.count)),
          ),
        ),
      ),
    ),
  ];
}

const fmt = (value: number | undefined) => (value === undefined ? '–' : String(Math.round(value * 100) / 100));

/** A chart's figure: title, table toggle and the slot its plot goes in; `subtitle` says what its series are. */
export function chartFigure(model: ChartModel, subtitle?: string): HTMLElement {
  const title = `${model.metric.title} (${model.metric.unit})`;
  const toggle = el('button', { type: 'button', class: 'toggle-table', 'aria-pressed': 'false' }, 'Table');
  const slot = el('div', { class: 'plot-slot' });
  const figure = el(
    'figure',
    { class: 'chart', 'data-metric': model.metric.id, 'aria-label': title },
    el('figcaption', {}, el('span', {}, title), toggle),
    subtitle ? el('p', { class: 'muted chart-subtitle' }, subtitle) : undefined,
    slot,
  );
  let table: HTMLElement | undefined;
  toggle.addEventListener('click', () => {
    const showTable = toggle.getAttribute('aria-pressed') !== 'true';
    toggle.setAttribute('aria-pressed', String(showTable));
    toggle.textContent = showTable ? 'Chart' : 'Table';
    table ??= chartTable(model);
    if (showTable) figure.append(table);
    else table.remove();
    slot.hidden = showTable;
  });
  return figure;
}

function eventList(events: ReturnType<typeof timelineEvents>): HTMLElement {
  return el(
    'details',
    { class: 'event-list' },
    el('summary', {}, `All ${events.length} events as a list`),
    el(
      'table',
      { class: 'data-table' },
      el('thead', {}, el('tr', {}, ...['Time (UTC)', 'Kind', 'Event', 'Detail'].map((title) => el('th', { scope: 'col' }, title)))),
      el(
        'tbody',
        {},
        ...events.map((event) =>
          el(
            'tr',
            {},
            el('td', {}, new Date(event.t * 1000).toISOString().slice(11, 19)),
            el('td', {}, event.lane),
            el('td', {}, event.name),
            el('td', {}, event.detail ?? ''),
          ),
        ),
      ),
    ),
  );
}

function createTimeline(
  target: HTMLElement,
  events: ReturnType<typeof timelineEvents>,
  width: number,
  theme: ChartTheme,
  reference: uPlot | undefined,
  mirror: (plot: uPlot) => (min: number, max: number) => void,
): uPlot {
  const model = timelineModel(events);
  const axis = axisStyle(theme);
  const colours = theme.series;
  const lanes = model.series.map((series) => series.lane);
  let plot: uPlot | undefined = undefined;
  const options: uPlot.Options = {
    width,
    height: 60 + lanes.length * 22,
    tzDate: utcDate,
    scales: {
      x: {
        time: true,
        range: reference ? () => [reference.scales.x.min ?? model.x[0], reference.scales.x.max ?? model.x[model.x.length - 1]] : undefined,
      },
      y: { range: [0.5, 4.5] },
    },
    axes: [
      axis,
      {
        ...axis,
        size: Y_AXIS_SIZE,
        splits: () => [1, 2, 3, 4],
        values: (_plot, ticks) => ticks.map((tick) => ['Issues', 'Devices', 'SDK', 'Peer'][tick - 1] ?? ''),
      },
    ],
    series: [
      { label: 'time' },
      ...model.series.map((series, index) => ({
        label: series.lane,
        stroke: colours[index % colours.length],
        paths: () => null,
        points: { show: true, size: 9, fill: colours[index % colours.length] },
        value: (_plot: uPlot, _value: number | null, _seriesIndex: number, dataIndex: number | null) =>
          dataIndex === null ? '–' : (series.names[dataIndex] ?? '–'),
      })),
    ],
    cursor: { sync: { key: SYNC_KEY }, drag: { x: true, y: false, setScale: true } },
    hooks: { setScale: [(u, key) => key === 'x' && plot && mirror(plot)(u.scales.x.min!, u.scales.x.max!)] },
  };
  plot = new uPlot(options, [model.x, ...model.series.map((series) => series.values)] as uPlot.AlignedData, target);
  keyboardLegend(plot);
  return plot;
}

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
import { linkZoom } from '../charts/linkZoom';
import { chartTheme, type ChartTheme } from '../charts/theme';
import { timelineEvents, timelineModel } from '../charts/timelineData';
import { axisStyle, createChart, keyboardLegend, sameSeries, Y_AXIS_SIZE, zoomAround, type Band, type Chart } from '../charts/uplotChart';
import { UTC_AXIS_VALUES, UTC_LEGEND_TIME, utcDate } from '../charts/utcTime';
import { el } from '../dom';
import { issueBands, percentilesFrom, receivedFrom, sendersOf, type Sender } from '../charts/receivedFrom';
import { chartTable } from './chartTable';

export interface QualityView {
  element: HTMLElement;
  /** Creates the charts once the element is in the document (uPlot measures it). */
  mount(): void;
  /**
   * Shows newer data of the same peer in the charts already drawn (a Refresh, or every sample after a
   * preview): their canvases stay, and so does a zoomed-in window that still holds data. False, with
   * nothing changed, when the charts would not be the same ones: the caller builds the section anew.
   */
  update(peer: WirePeerStats | undefined, peerEvents: readonly PeerEventModel[], issues: readonly DetectedIssue[]): boolean;
  zoomTo(fromMs: number, toMs: number): void;
  /** What the user chose to see: a section built anew for the same peer opens on it. */
  viewState(): QualityViewState;
  /** What builds the section anew from its viewState() when the user narrows it to another sender: its current owner's. */
  rebuildWith(rebuild: () => void): void;
  destroy(): void;
}

export interface QualityViewState {
  /** The window shown (seconds) when the user zoomed in; none on the whole call. */
  window?: TimeWindow;
  /** The sender whose received lines alone are drawn (its peer ID); none for every sender's. */
  sender?: string;
}

/** Seconds, as the charts' x scale. */
export interface TimeWindow {
  min: number;
  max: number;
}

/** A zoomed-in window still worth showing on data spanning `whole`: it holds some of it. */
function windowKept(shown: TimeWindow | undefined, whole: TimeWindow | undefined): shown is TimeWindow {
  return shown !== undefined && whole !== undefined && shown.min < whole.max && shown.max > whole.min;
}

const SYNC_KEY = 'realtimekit-quality';

/** What the section draws of one peer's data. */
interface QualityData {
  peerId: string | undefined;
  /** The peer's tracks come with the 'columns' message that follows (WirePeerStats.tracksFollow). */
  tracksFollow: boolean;
  /** The senders of its received tracks (narrowing the charts to one is offered from two on). */
  senders: Sender[];
  /** The one whose received lines alone are drawn. */
  sender: string | undefined;
  charts: ChartModel[];
  events: ReturnType<typeof timelineEvents>;
  bands: Band[];
  percentiles: readonly PercentileRow[];
  /** The whole call (seconds): every chart's samples and every event. */
  whole: { min: number; max: number } | undefined;
}

function qualityData(
  peer: WirePeerStats | undefined,
  peerEvents: readonly PeerEventModel[],
  issues: readonly DetectedIssue[],
  sender: string | undefined,
): QualityData {
  const tracks = peer?.tracks ?? [];
  const senders = sendersOf(tracks);
  // A sender no longer among them (another answer) narrows nothing, and is forgotten.
  const narrowedTo = senders.some((known) => known.peerId === sender) ? sender : undefined;
  const charts = receivedFrom(buildCharts(tracks), tracks, narrowedTo);
  const events = timelineEvents(peerEvents, peer, issues);
  const bands = issues
    .filter((issue) => !peer?.peerId || !issue.peerId || issue.peerId === peer.peerId)
    .flatMap((issue) => issueBands(issue, narrowedTo));
  // Tracks cover different spans: the charts start on the whole call.
  const starts = [...charts.map((chart) => chart.x[0]), ...events.map((event) => event.t)];
  const ends = [...charts.map((chart) => chart.x[chart.x.length - 1]), ...events.map((event) => event.t)];
  const whole = starts.length > 0 ? { min: minOf(starts)!, max: maxOf(ends)! } : undefined;
  return {
    peerId: peer?.peerId,
    tracksFollow: peer?.tracksFollow === true,
    senders,
    sender: narrowedTo,
    charts,
    events,
    bands,
    percentiles: percentilesFrom(peer?.percentiles ?? [], tracks, narrowedTo),
    whole,
  };
}

/**
 * `state`: what the section this one replaces for the same peer showed (new sender names, a theme
 * change): its zoom, when the window holds some of the data, and its sender, while that one is offered.
 */
export function qualitySection(
  peer: WirePeerStats | undefined,
  peerEvents: readonly PeerEventModel[],
  issues: readonly DetectedIssue[],
  state: QualityViewState = {},
): QualityView {
  let sender = state.sender;
  let data = qualityData(peer, peerEvents, issues, sender);
  sender = data.sender;
  let rebuild: (() => void) | undefined;
  const openOn = state.window;
  const drawn: Chart[] = [];
  let timeline: uPlot | undefined;
  /** The charts' plots, then the timeline's: zooming one zooms them all. */
  const plots: uPlot[] = [];
  const windowLabel = el('span', { id: 'zoom-window', 'aria-live': 'polite' });
  const clock = (seconds: number) => new Date(seconds * 1000).toISOString().slice(11, 19);
  /** The time window the charts show (seconds); a chart drawn late opens on it. */
  let shownWindow = windowKept(openOn, data.whole) ? openOn : data.whole;
  const showWindow = (window: TimeWindow) => {
    shownWindow = window;
    windowLabel.textContent = `Showing ${clock(window.min)} to ${clock(window.max)} UTC. `;
  };
  /** Charts (by index) out of sight that have not drawn the latest data yet. */
  const stale = new Set<number>();
  const mirrorZoom = linkZoom(
    plots,
    (min, max) => showWindow({ min, max }),
    (plot) => drawn.some((chart, index) => chart.plot === plot && stale.has(index)),
  );

  const figures = data.charts.map((model) => ({ ...chartFigure(model), target: el('div', { class: 'plot' }) }));
  const container = el('div', { class: 'quality' });
  if (data.charts.length === 0)
    container.append(
      el(
        'p',
        { class: peer?.tracksFollow ? 'muted loading' : 'muted', role: 'status' },
        peer?.tracksFollow ? 'Loading this peer’s samples…' : 'No quality samples for this peer in this answer.',
      ),
    );
  for (const { figure, target } of figures) {
    figure.querySelector('.plot-slot')!.append(target);
    container.append(figure);
  }
  // The events figure and the percentiles follow the charts; a data update builds them again.
  const tail = el('div', { class: 'quality-tail' });
  let timelineTarget = eventsFigure(tail, data);
  container.append(tail);
  if (data.senders.length > 1) {
    const select = el('select', { id: 'sender-filter' });
    select.append(el('option', { value: '' }, `from every sender (${data.senders.length})`));
    for (const known of data.senders) {
      const option = el(
        'option',
        { value: known.peerId },
        `from ${known.label} (${known.tracks} ${known.tracks === 1 ? 'track' : 'tracks'})`,
      );
      option.selected = known.peerId === sender;
      select.append(option);
    }
    select.addEventListener('change', () => {
      sender = select.value || undefined;
      rebuild?.();
    });
    container.prepend(el('p', { class: 'sender-filter' }, el('label', { for: 'sender-filter' }, 'Received lines: '), select));
  }
  if (data.charts.length > 0) {
    const reset = el('button', { type: 'button', class: 'link', id: 'zoom-reset' }, 'Show the whole call');
    reset.addEventListener('click', () => data.whole && plots[0]?.setScale('x', data.whole));
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
  let theme: ChartTheme | undefined;

  // New data is drawn at once only in the charts on screen or near it: the canvas raster of every chart
  // below the fold made a Refresh's paint twice as long. The others draw it, on the window shown then,
  // as they come near the view; until then no mirrored zoom redraws them (a user's drag across a chart
  // may, through uPlot's cursor sync).
  const nearView = new Set<number>();
  /** Until the observer first reports, every chart counts as near the view. */
  let watched = false;
  const drawNew = (index: number) => {
    stale.delete(index);
    const chart = drawn[index];
    if (chart && shownWindow) chart.setModel(data.charts[index], data.bands, shownWindow);
  };
  const watch = new IntersectionObserver(
    (entries) => {
      watched = true;
      for (const entry of entries) {
        const index = figures.findIndex(({ target }) => target === entry.target);
        if (!entry.isIntersecting) nearView.delete(index);
        else {
          nearView.add(index);
          if (stale.has(index)) drawNew(index);
        }
      }
    },
    // The webview's own document as root: in its cross-origin frame an implicit root ignores the margin.
    { root: document, rootMargin: '50% 0px' },
  );

  function zoomedIn(): TimeWindow | undefined {
    const shown = shownWindow;
    const whole = data.whole;
    return shown && whole && (shown.min > whole.min || shown.max < whole.max) ? shown : undefined;
  }

  const drawTimeline = () => {
    if (!timelineTarget || !theme) return;
    timeline = createTimeline(timelineTarget, data.events, lastWidth, theme, shownWindow, (plot) => mirrorZoom(plot));
    plots.push(timeline);
  };

  return {
    element: container,
    mount() {
      theme = chartTheme();
      // Read once: each chart added would make the next read lay the page out again.
      lastWidth = width();
      for (const [index, { target }] of figures.entries()) {
        const chart: Chart = createChart(target, data.charts[index], {
          width: lastWidth,
          syncKey: SYNC_KEY,
          theme,
          bands: data.bands,
          onZoom: (min, max) => mirrorZoom(chart.plot)(min, max),
        });
        drawn.push(chart);
        plots.push(chart.plot);
      }
      drawTimeline();
      if (plots[0] && shownWindow) plots[0].setScale('x', shownWindow);
      resize.observe(container);
      figures.forEach(({ target }) => watch.observe(target));
    },
    update(nextPeer, nextEvents, nextIssues) {
      const next = qualityData(nextPeer, nextEvents, nextIssues, sender);
      // A sender no longer offered has its select rebuilt (sameSenders): the section is built anew without it.
      const same =
        next.peerId === data.peerId &&
        next.tracksFollow === data.tracksFollow &&
        sameSenders(next.senders, data.senders) &&
        drawn.length === data.charts.length &&
        next.charts.length === data.charts.length &&
        next.charts.every((model, index) => sameSeries(data.charts[index], model));
      if (!same || !next.whole) return false;
      const shown = zoomedIn();
      // Said here too: with no chart near the view, none reports the window.
      showWindow(windowKept(shown, next.whole) ? shown : next.whole);
      data = next;
      if (timeline) {
        timeline.destroy();
        plots.pop();
        timeline = undefined;
      }
      timelineTarget = eventsFigure(tail, data);
      drawn.forEach((_chart, index) => {
        figures[index].setModel(data.charts[index]);
        if (!watched || nearView.has(index)) drawNew(index);
        else stale.add(index);
      });
      drawTimeline();
      return true;
    },
    zoomTo(fromMs, toMs) {
      zoomAround(plots[0], fromMs, toMs);
      container.scrollIntoView({ behavior: 'smooth', block: 'start' });
    },
    viewState: () => ({ window: zoomedIn(), sender }),
    rebuildWith(handler) {
      rebuild = handler;
    },
    destroy() {
      resize.disconnect();
      watch.disconnect();
      stale.clear();
      plots.forEach((plot) => plot.destroy());
      plots.length = 0;
      drawn.length = 0;
      timeline = undefined;
    },
  };
}

/** The same senders offered, with the same labels: the narrowing control stays as it is. */
function sameSenders(a: readonly Sender[], b: readonly Sender[]): boolean {
  return (
    a.length === b.length &&
    a.every((known, index) => known.peerId === b[index].peerId && known.label === b[index].label && known.tracks === b[index].tracks)
  );
}

/**
 * Fills `tail` with the events figure (its plot's target returned, once there are events) and the
 * percentiles; an events list the user opened stays open.
 */
function eventsFigure(tail: HTMLElement, data: QualityData): HTMLElement | undefined {
  const target = data.events.length > 0 ? el('div', { class: 'plot timeline' }) : undefined;
  const listOpen = tail.querySelector<HTMLDetailsElement>('details.event-list')?.open === true;
  const list = eventList(data.events);
  list.open = listOpen;
  tail.replaceChildren(
    ...(target
      ? [
          el(
            'figure',
            { class: 'chart', 'aria-label': 'Events timeline' },
            el('figcaption', {}, 'Events on the same time axis'),
            target,
            list,
          ),
        ]
      : []),
    ...percentileTable(data.percentiles),
  );
  return target;
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

/**
 * A chart's figure: title, table toggle and the slot its plot goes in; `subtitle` says what its series
 * are. `setModel` gives its table newer data (an open table is built again).
 */
export function chartFigure(model: ChartModel, subtitle?: string): { figure: HTMLElement; setModel(model: ChartModel): void } {
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
  let shown = model;
  let table: HTMLElement | undefined;
  toggle.addEventListener('click', () => {
    const showTable = toggle.getAttribute('aria-pressed') !== 'true';
    toggle.setAttribute('aria-pressed', String(showTable));
    toggle.textContent = showTable ? 'Chart' : 'Table';
    table ??= chartTable(shown);
    if (showTable) figure.append(table);
    else table.remove();
    slot.hidden = showTable;
  });
  return {
    figure,
    setModel(next) {
      shown = next;
      const open = table?.isConnected === true;
      const stale = table;
      table = open ? chartTable(next) : undefined;
      if (open) stale!.replaceWith(table!);
    },
  };
}

function eventList(events: ReturnType<typeof timelineEvents>): HTMLDetailsElement {
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

/** The events timeline's lanes, bottom to top (y = 1 to 4). */
const TIMELINE_LANES = ['Issues', 'Devices', 'SDK', 'Peer'];

function createTimeline(
  target: HTMLElement,
  events: ReturnType<typeof timelineEvents>,
  width: number,
  theme: ChartTheme,
  shownWindow: { min: number; max: number } | undefined,
  mirror: (plot: uPlot) => (min: number, max: number) => void,
): uPlot {
  const model = timelineModel(events);
  const axis = axisStyle(theme);
  const colours = theme.series;
  let plot: uPlot | undefined = undefined;
  let initial = shownWindow;
  const options: uPlot.Options = {
    width,
    // The y axis always names its four lanes: sized for them, or their labels overlap.
    height: 60 + TIMELINE_LANES.length * 22,
    tzDate: utcDate,
    scales: {
      x: {
        time: true,
        // Built on the window the charts show (set as a scale, it would redraw the charts out of sight too);
        // after that the window asked for: a zoom mirrored from a chart, or a drag across the timeline.
        range: (_plot, min, max) => {
          const window = initial ?? { min, max };
          initial = undefined;
          // Events at one moment only (a peer without samples): room either side, as the charts have.
          return window.min === window.max ? [window.min - 30, window.max + 30] : [window.min, window.max];
        },
      },
      y: { range: [0.5, 4.5] },
    },
    axes: [
      { ...axis, values: UTC_AXIS_VALUES },
      {
        ...axis,
        size: Y_AXIS_SIZE,
        splits: () => [1, 2, 3, 4],
        values: (_plot, ticks) => ticks.map((tick) => TIMELINE_LANES[tick - 1] ?? ''),
      },
    ],
    series: [
      { label: 'time', value: UTC_LEGEND_TIME },
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

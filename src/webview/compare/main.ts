/**
 * Entry point of the compare webview (viewType realtimekit.compare): 2 to 8 participants of one session,
 * one colour each, on shared synced charts with their events, and who affected whom. Posts 'ready' on
 * load and 'rendered' once the charts of a 'show' are painted; keeps zoom and hidden lines in its state.
 */
import '@vscode/codicons/dist/codicon.css';
import 'uplot/dist/uPlot.min.css';
import '../styles.css';
import './compare.css';
import type { CompareHostToWebview, ComparePayload } from '../../shared/compare';
import { el } from '../dom';
import { attributionSection } from './attribution';
import { compareApi } from './compareApi';
import { buildCompareCharts, participantNames } from './compareSeries';
import { readPanelState } from './compareState';
import { compareTimeline } from './compareTimeline';
import { chartsView, type ChartsView } from './chartsView';
import { compareHeader, noticeList } from './header';

const root = document.getElementById('app')!;
const state = readPanelState(compareApi.getState());
let saveQueued = false;
/** A zoom reaches every chart in turn: save once, after the last. */
const save = () => {
  if (saveQueued) return;
  saveQueued = true;
  queueMicrotask(() => {
    saveQueued = false;
    compareApi.setState(state);
  });
};
const open = (participantId: string) => compareApi.postMessage({ type: 'openParticipant', participantId });

let current: { payload: ComparePayload; charts: ChartsView; holder: HTMLElement } | undefined;

function newCharts(payload: ComparePayload): ChartsView {
  const names = participantNames(payload.participants);
  return chartsView(buildCompareCharts(payload.participants), compareTimeline(payload.participants, names), state, save);
}

function show(payload: ComparePayload): void {
  current?.charts.destroy();
  // Another comparison (the host reused the panel): its zoom and hidden lines do not apply.
  const same = state.restore?.sessionId === payload.restore.sessionId;
  state.restore = payload.restore;
  if (!same) state.zoom = undefined;
  const ids = new Set(payload.participants.map((p) => p.participantId));
  state.hidden = state.hidden.filter((id) => ids.has(id));
  save();

  const names = participantNames(payload.participants);
  const charts = newCharts(payload);
  const holder = el(
    'section',
    { id: 'quality', 'aria-labelledby': 'quality-title' },
    el('h2', { id: 'quality-title' }, 'Quality over time'),
    charts.element,
  );
  root.replaceChildren(
    compareHeader(payload, names, open),
    ...[
      noticeList(payload.notices),
      attributionSection(payload.participants, names, { open, showWindow: (from, to) => current?.charts.zoomTo(from, to) }),
    ].filter((node): node is HTMLElement => node !== undefined),
    holder,
  );
  charts.mount();
  current = { payload, charts, holder };
  // Reported after the browser has painted the charts.
  requestAnimationFrame(() => requestAnimationFrame(() => compareApi.postMessage({ type: 'rendered' })));
}

window.addEventListener('message', (event: MessageEvent<CompareHostToWebview>) => {
  const message = event.data;
  switch (message?.type) {
    case 'show':
      if (!Array.isArray(message.payload?.participants)) break;
      show(message.payload);
      break;
    case 'loading':
      current?.charts.destroy();
      current = undefined;
      root.replaceChildren(el('p', { class: 'muted' }, `Loading ${message.title}…`));
      break;
    case 'error':
      current?.charts.destroy();
      current = undefined;
      root.replaceChildren(el('p', { class: 'error', role: 'alert' }, message.message));
      break;
    default:
      break;
  }
});

// The workbench swaps body classes (vscode-light, vscode-dark, vscode-high-contrast) on a theme change:
// the canvases are redrawn in the new colours, at the same zoom and with the same lines hidden.
new MutationObserver(() => {
  if (!current) return;
  current.charts.destroy();
  const charts = newCharts(current.payload);
  current.holder.replaceChildren(current.holder.firstChild!, charts.element);
  charts.mount();
  current.charts = charts;
}).observe(document.body, { attributes: true, attributeFilter: ['class'] });

compareApi.postMessage({ type: 'ready' });

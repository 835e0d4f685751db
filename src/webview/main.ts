/** Entry point of the stats panel webview. */
import '@vscode/codicons/dist/codicon.css';
import 'uplot/dist/uPlot.min.css';
import './styles.css';
import type { HostToWebview, PanelPayload, StatsPanelState } from '../shared/messages';
import { el } from './dom';
import { renderParticipant, type RenderedView } from './participantView';
import { vscode } from './vscodeApi';

const root = document.getElementById('app')!;
let current: { payload: PanelPayload; view: RenderedView; peer: number } | undefined;
/** When the last 'show' arrived (Date.now()), reported with its paint so the host can log where time goes. */
let showReceivedAt: number | undefined;

function show(payload: PanelPayload, peer: number, zoom?: { from: number; to: number }): void {
  current?.view.destroy();
  const view = renderParticipant(root, payload, peer, (next, window) => show(payload, next, window), zoom);
  current = { payload, view, peer };
  const state: StatsPanelState = { peer, restore: payload.restore };
  vscode.setState(state);
  // Reported after the browser has painted the charts.
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const received = showReceivedAt;
      showReceivedAt = undefined;
      vscode.postMessage({
        type: 'rendered',
        id: payload.participant.id,
        timings: received === undefined ? undefined : { received, painted: Date.now() },
      });
    }),
  );
}

window.addEventListener('message', (event: MessageEvent<HostToWebview>) => {
  const message = event.data;
  if (typeof message !== 'object' || message === null) return;
  switch (message.type) {
    case 'show': {
      showReceivedAt = Date.now();
      const saved = vscode.getState() as Partial<StatsPanelState> | undefined;
      const samePerson = current !== undefined && current.payload.participant.id === message.payload.participant.id;
      show(message.payload, samePerson ? current!.peer : typeof saved?.peer === 'number' ? saved.peer : 0);
      break;
    }
    case 'rawJson':
      current?.view.showRawJson(message);
      break;
    case 'loading':
      root.replaceChildren(el('p', { class: 'muted' }, `Loading ${message.title}…`));
      break;
    case 'error':
      root.replaceChildren(el('p', { class: 'error', role: 'alert' }, message.message));
      break;
    default:
      message satisfies never;
  }
});

// The workbench swaps body classes (vscode-light, vscode-dark, vscode-high-contrast) on a theme change.
new MutationObserver(() => current?.view.redrawCharts()).observe(document.body, { attributes: true, attributeFilter: ['class'] });

vscode.postMessage({ type: 'ready' });

/** Entry point of the stats panel webview. */
import '@vscode/codicons/dist/codicon.css';
import 'uplot/dist/uPlot.min.css';
import './styles.css';
import type { HostToWebview, PaintedData, PanelPayload, StatsPanelState } from '../shared/messages';
import { peerIndexOf } from '../shared/peerIndex';
import { peerNamerOf, withPeerNames } from '../shared/peerNames';
import { el } from './dom';
import { renderParticipant, type RenderedView } from './participantView';
import { withTracksKept } from './tracksKept';
import { vscode } from './vscodeApi';
import { webviewStart } from './webviewStart';

const root = document.getElementById('app')!;
let current: { payload: PanelPayload; view: RenderedView; peer: number } | undefined;

/** Full columns that came before the preview they complete was painted: drawn right after it. */
let columnsWaiting = false;
/** False from a 'show' until its paint is reported. */
let painted = true;
/** The peer the host was last told is shown (a first paint carries that peer's columns alone). */
let toldPeer: string | undefined;

function tellPeerShown(peer: number, peerId: string | undefined): void {
  const told = `${peer} ${peerId}`;
  if (told === toldPeer) return;
  toldPeer = told;
  vscode.postMessage({ type: 'peerShown', peer, peerId });
}

/** The payload's peers as drawn: the senders an overview named, named. */
function namedPeerStats(payload: PanelPayload): PanelPayload['participant']['peerStats'] {
  return peerNamerOf(payload)?.peers(payload.participant.peerStats) ?? payload.participant.peerStats;
}

/** `received`: when the 'show' that brought the payload arrived (Date.now()), reported with its paint; none for a peer switch. */
function show(payload: PanelPayload, peer: number, zoom?: { from: number; to: number }, received?: number): void {
  // Another peer is drawn from the payload as it is then (its full columns may have come meanwhile).
  // The view shown is replaced (renderParticipant keeps its charts when they are the same peer's).
  // Kept as it came, named as it is drawn: kept tracks and names that changed never mix.
  const view = renderParticipant(
    root,
    withPeerNames(payload),
    peer,
    (next, window) => show(current?.payload ?? payload, next, window),
    zoom,
    current?.view,
  );
  current = { payload, view, peer };
  const peerId = payload.participant.peerStats[peer]?.peerId;
  tellPeerShown(peer, peerId);
  painted = false;
  columnsWaiting = false;
  const state: StatsPanelState = { peer, peerId, restore: payload.restore };
  vscode.setState(state);
  reportPainted(payload.participant.id, payload, received, () => {
    painted = true;
    if (columnsWaiting && current) {
      columnsWaiting = false;
      current.view.useColumns(namedPeerStats(current.payload));
    }
  });
}

/**
 * Says 'rendered' once the browser has painted what changed, with the data it painted (when fetched and
 * checked), when the message that brought it came and when it was painted. Each message keeps its own
 * arrival time: a second one may come before the first is painted.
 */
function reportPainted(
  id: string | undefined,
  data: PaintedData | undefined,
  received: number | undefined,
  then: () => void = () => {},
): void {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      vscode.postMessage({
        type: 'rendered',
        id,
        fetchedAt: data?.fetchedAt,
        checkedAt: data?.checkedAt,
        timings: received === undefined ? undefined : { received, painted: Date.now() },
      });
      then();
    }),
  );
}

window.addEventListener('message', (event: MessageEvent<HostToWebview>) => {
  const message = event.data;
  if (typeof message !== 'object' || message === null) return;
  switch (message.type) {
    case 'show': {
      const received = Date.now();
      const saved = vscode.getState() as Partial<StatsPanelState> | undefined;
      const samePerson = current !== undefined && current.payload.participant.id === message.payload.participant.id;
      if (samePerson) {
        const shownPeerId = current!.payload.participant.peerStats[current!.peer]?.peerId;
        const peer = peerIndexOf(message.payload.participant.peerStats, shownPeerId, current!.peer);
        show(withTracksKept(message.payload, current!.payload), peer, undefined, received);
      } else {
        const savedId = typeof saved?.peerId === 'string' ? saved.peerId : undefined;
        const peer = peerIndexOf(message.payload.participant.peerStats, savedId, typeof saved?.peer === 'number' ? saved.peer : 0);
        show(message.payload, peer, undefined, received);
      }
      break;
    }
    case 'columns': {
      if (!current || current.payload.fetchedAt !== message.fetchedAt || current.payload.participant.id !== message.participantId) break;
      const shown = current.payload;
      current.payload = { ...shown, participant: { ...shown.participant, peerStats: message.peerStats } };
      if (painted) current.view.useColumns(namedPeerStats(current.payload));
      else columnsWaiting = true;
      break;
    }
    case 'checked': {
      const received = Date.now();
      // Checked data that is not the data shown (a 'show' for newer data crossed it) changes nothing.
      if (current && current.payload.fetchedAt === message.fetchedAt) {
        current.payload = { ...current.payload, checkedAt: message.checkedAt };
        current.view.checked(message.checkedAt);
      }
      reportPainted(current?.payload.participant.id, current?.payload, received);
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

// A restored panel shows the peer it showed: the host hears which before it sends the data.
const restored = vscode.getState() as Partial<StatsPanelState> | undefined;
if (typeof restored?.peer === 'number') tellPeerShown(restored.peer, typeof restored.peerId === 'string' ? restored.peerId : undefined);
vscode.postMessage({ type: 'ready', start: webviewStart() });

/**
 * Entry point of the session overview webview (viewType realtimekit.session): header and verdict,
 * analysis progress, the participant table, the session timeline and what else the API holds. Rows
 * arrive in batches; they are applied once per frame, and 'rendered' is posted after the paint.
 */
import '@vscode/codicons/dist/codicon.css';
import '../styles.css';
import './session.css';
import type { ParticipantRow, SessionHeader, SessionHostToWebview } from '../../shared/session';
import { el } from '../dom';
import { sessionHeader } from './header';
import { progressView } from './progress';
import { resourcesView } from './resources';
import { applyRows } from './rowStore';
import { loadPanelState, sessionApi } from './sessionApi';
import { participantTable } from './table';
import { sessionTimeline } from './timeline';
import { sessionSpan } from './timeScale';

const post = sessionApi.postMessage.bind(sessionApi);
const state = loadPanelState();
const saveState = () => sessionApi.setState(state);

let header: SessionHeader | undefined;
let rows: ParticipantRow[] = [];
let rowsReplaced = false;
let rowsPending = false;
/** When the first rows of the pending batch arrived (Date.now()), reported with their paint. */
let rowsReceivedAt: number | undefined;

const alert = el('div', { role: 'alert', class: 'error alert', id: 'session-error' });
const headerSlot = el('div', { id: 'session-header' }, el('p', { class: 'muted' }, 'Loading the session…'));
const progressSlot = el('div', { id: 'session-progress' });
const timeline = sessionTimeline(state.timeline, (window) => {
  state.timeline = window;
  saveState();
});
const table = participantTable({ state, saveState, post, onViewChange: (view) => timeline.setRows(view) });
const resourcesSlot = el('div', { id: 'session-resources' }, el('p', { class: 'muted' }, 'Not checked yet.'));

document
  .getElementById('app')!
  .replaceChildren(
    alert,
    headerSlot,
    progressSlot,
    table.element,
    timeline.element,
    el(
      'section',
      { id: 'resources', 'aria-labelledby': 'resources-title' },
      el('h2', { id: 'resources-title' }, 'What else the API holds'),
      resourcesSlot,
    ),
  );

const updateBounds = () => timeline.setBounds(sessionSpan(rows, header?.startedAt, header?.endedAt, Date.now()));

function flushRows(): void {
  rowsPending = false;
  table.setRows(rows, rowsReplaced);
  rowsReplaced = false;
  updateBounds();
  // Reported once the browser has painted the list.
  const received = rowsReceivedAt;
  rowsReceivedAt = undefined;
  requestAnimationFrame(() =>
    requestAnimationFrame(() =>
      post({ type: 'rendered', timings: received === undefined ? undefined : { received, painted: Date.now() } }),
    ),
  );
}

window.addEventListener('message', (event: MessageEvent<SessionHostToWebview>) => {
  const message = event.data;
  switch (message?.type) {
    case 'header':
      if (typeof message.header?.sessionId !== 'string') break;
      header = message.header;
      if (message.restore) {
        state.restore = message.restore;
        saveState();
      }
      headerSlot.replaceChildren(sessionHeader(message.header, message.verdictLine, () => post({ type: 'export' })));
      alert.textContent = '';
      updateBounds();
      break;
    case 'rows':
      // Typed by the contract, but a malformed batch must not take the table down with it.
      if (!Array.isArray(message.rows)) break;
      rowsReceivedAt ??= Date.now();
      rows = applyRows(
        rows,
        message.rows.filter((row) => typeof row?.participantId === 'string'),
        message.replace === true,
      );
      rowsReplaced ||= message.replace;
      if (!rowsPending) {
        rowsPending = true;
        requestAnimationFrame(flushRows);
      }
      break;
    case 'progress': {
      // Drawn anew on every update: a keyboard user on Stop or Pause stays there.
      const focused = progressSlot.contains(document.activeElement) ? document.activeElement?.id : undefined;
      progressSlot.replaceChildren(progressView(message.progress, post));
      if (focused) document.getElementById(focused)?.focus();
      break;
    }
    case 'resources':
      resourcesSlot.replaceChildren(resourcesView(message.resources, post));
      break;
    case 'error':
      alert.textContent = message.message;
      break;
  }
});

post({ type: 'ready' });

/** Renders one inspected participant or peer: header, identifiers, peers, peer events, raw JSON. */
import { formatDuration, formatTime } from '../shared/format';
import type { PanelPayload } from '../shared/messages';
import type { InspectedParticipant } from '../shared/model';
import { el } from './dom';
import { vscode } from './vscodeApi';

const KIND_LABELS: Record<InspectedParticipant['kind'], string> = {
  sessionParticipant: 'Session participant',
  peer: 'Peer report',
  meetingParticipant: 'Meeting participant',
};

function copyButton(value: string, label: string): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'copy', title: `Copy ${label}`, 'aria-label': `Copy ${label}` }, 'Copy');
  button.addEventListener('click', () => vscode.postMessage({ type: 'copy', text: value }));
  return button;
}

function fieldRows(rows: Array<[string, string | undefined, boolean?]>): HTMLTableElement {
  const body = el('tbody');
  for (const [label, value, copyable] of rows) {
    if (value === undefined || value === '') continue;
    body.append(el('tr', {}, el('th', { scope: 'row' }, label), el('td', {}, el('span', { class: copyable ? 'mono' : undefined }, value), copyable ? copyButton(value, label) : undefined)));
  }
  return el('table', { class: 'fields' }, body);
}

function section(title: string, ...content: Node[]): HTMLElement {
  return el('section', {}, el('h2', {}, title), ...content);
}

export function renderParticipant(root: HTMLElement, payload: PanelPayload): void {
  const p = payload.participant;
  const name = p.displayName ?? p.id ?? 'Unnamed participant';
  const generation = p.generations.length ? p.generations.join(' + ') : 'no statistics';
  const header = el(
    'header',
    {},
    el('h1', { id: 'display-name' }, name),
    el('p', { class: 'muted' }, `${KIND_LABELS[p.kind]} · data shape: ${generation} · fetched ${formatTime(payload.fetchedAt)}${payload.stale ? ' · stale' : ''}`),
  );
  const refresh = el('button', { type: 'button', id: 'refresh' }, 'Refresh');
  refresh.addEventListener('click', () => vscode.postMessage({ type: 'refresh' }));
  header.append(refresh);

  const identity = fieldRows([
    ['Participant ID', p.id, true],
    ['Session ID', p.sessionId, true],
    ['User ID', p.userId, true],
    ['Custom participant ID', p.customParticipantId, true],
    ['Preset', p.presetName],
    ['Role', p.role],
    ['Joined', formatTime(p.joinedAt)],
    ['Left', p.leftAt ? formatTime(p.leftAt) : p.joinedAt ? 'still in the call or not reported' : undefined],
    ['Duration', p.durationMinutes !== undefined ? formatDuration(p.durationMinutes) : undefined],
    ['Peers', p.peers.length ? String(p.peers.length) : undefined],
  ]);

  const peers = p.peers.length
    ? el('ul', { class: 'peers' }, ...p.peers.map((peer) => el('li', {}, el('span', { class: 'mono' }, peer.peerId), peer.firstSeen ? ` · from ${formatTime(peer.firstSeen)}` : '', copyButton(peer.peerId, 'peer ID'))))
    : el('p', { class: 'muted' }, 'No peers in this answer.');

  const events = p.peerEvents.length
    ? el(
        'table',
        { class: 'events' },
        el('thead', {}, el('tr', {}, el('th', {}, 'Time'), el('th', {}, 'Event'), el('th', {}, 'Peer'))),
        el('tbody', {}, ...p.peerEvents.map((event) => el('tr', {}, el('td', {}, formatTime(event.at)), el('td', {}, event.name), el('td', { class: 'mono' }, event.peerId ?? '')))),
      )
    : el('p', { class: 'muted' }, 'No peer events in this answer.');

  const rawText = JSON.stringify(payload.raw, null, 2);
  const raw = el('details', { class: 'raw' }, el('summary', {}, 'Raw JSON'), copyButton(rawText, 'raw JSON'), el('pre', {}, rawText));

  root.replaceChildren(header, section('Participant', identity), section('Peers', peers), section('Peer events', events), raw);
}

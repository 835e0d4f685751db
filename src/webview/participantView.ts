/**
 * Renders one inspected participant or peer: header and peer switcher, summary, device, network,
 * pre-call test, quality charts with the events timeline, raw JSON and export.
 */
import { formatDuration, formatTime } from '../shared/format';
import type { PanelPayload, RawJsonMessage } from '../shared/messages';
import type { InspectedParticipant } from '../shared/model';
import type { WirePeerStats } from '../shared/wire';
import { el } from './dom';
import { actionButton } from './button';
import { copyButton, fieldTable } from './fields';
import { deviceSection } from './sections/deviceSection';
import { networkSection } from './sections/networkSection';
import { precallSection } from './sections/precallSection';
import { qualitySection, type QualityView } from './sections/qualitySection';
import { summarySection } from './sections/summarySection';
import { vscode } from './vscodeApi';

const KIND_LABELS: Record<InspectedParticipant['kind'], string> = {
  sessionParticipant: 'Session participant',
  peer: 'Peer report',
  meetingParticipant: 'Meeting participant',
};

export interface RenderedView {
  destroy(): void;
  /**
   * For the view replacing this one: its quality section, when it shows the same peer's charts, to be
   * given newer data in place (QualityView.update). This view then leaves it alone.
   */
  takeQuality(participantId: string | undefined, peerId: string | undefined): { quality: QualityView; holder: HTMLElement } | undefined;
  /** The sender the charts are narrowed to, when they show this participant's: another of its peers keeps it, when it has it. */
  senderShown(participantId: string | undefined): string | undefined;
  /** Rebuilds the charts, e.g. after a theme change. */
  redrawCharts(): void;
  /** Every sample, after a first paint from a preview of the long tracks: the charts are drawn again from them. */
  useColumns(peerStats: WirePeerStats[]): void;
  /** The host's answer to Raw JSON being opened. */
  showRawJson(message: RawJsonMessage): void;
  /** The data was fetched again at `checkedAt` and found the same. */
  checked(checkedAt: string): void;
}

function button(label: string, icon: string, onClick: () => void, id?: string): HTMLElement {
  return actionButton(label, icon, onClick, { id });
}

function header(payload: PanelPayload): HTMLElement {
  const p = payload.participant;
  const name = p.displayName ?? p.id ?? 'Unnamed participant';
  const generation = p.generations.length ? p.generations.join(' + ') : 'no statistics';
  const facts = fieldTable([
    { label: 'Participant ID', value: p.id, copy: true },
    { label: 'Session ID', value: p.sessionId, copy: true },
    { label: 'Meeting ID', value: p.meetingId, copy: true },
    { label: 'User ID', value: p.userId, copy: true },
    { label: 'Custom participant ID', value: p.customParticipantId, copy: true },
    { label: 'Preset', value: p.presetName },
    { label: 'Role', value: p.role },
    { label: 'View type', value: p.viewType },
    { label: 'Joined', value: formatTime(p.joinedAt) },
    { label: 'Left', value: p.leftAt ? formatTime(p.leftAt) : p.joinedAt ? 'not reported (still in the call?)' : undefined },
    { label: 'Duration', value: p.durationMinutes !== undefined ? formatDuration(p.durationMinutes) : undefined },
    {
      label: 'Peers',
      value: p.peers.length ? `${p.peers.length}${p.peers.length > 1 ? ' (each reconnect is a new peer)' : ''}` : undefined,
    },
  ]);
  const actions = el(
    'div',
    { class: 'actions' },
    button('Refresh', 'refresh', () => vscode.postMessage({ type: 'refresh' }), 'refresh'),
    button('Export report', 'markdown', () => vscode.postMessage({ type: 'export', format: 'markdown' }), 'export-markdown'),
    button('Export JSON', 'json', () => vscode.postMessage({ type: 'export', format: 'json' }), 'export-json'),
  );
  const picture = p.picture ? pictureOnRequest(p.picture, payload.pictureAllowed === true) : undefined;
  return el(
    'header',
    {},
    el('h1', { id: 'display-name' }, name),
    el(
      'p',
      { class: 'muted' },
      `${KIND_LABELS[p.kind]} · data shape: ${generation} · `,
      el('span', { id: 'fetched' }, fetchedNote(payload.fetchedAt, payload.checkedAt)),
      payload.stale ? el('strong', { class: 'stale' }, ' · stale (last data kept)') : undefined,
    ),
    actions,
    facts,
    picture,
  );
}

/** When the data was fetched, and when a Refresh last found it unchanged. */
function fetchedNote(fetchedAt: string, checkedAt: string | undefined): string {
  const fetched = `fetched ${formatTime(fetchedAt)}`;
  return checkedAt ? `${fetched}, unchanged at ${formatTime(checkedAt)}` : fetched;
}

/** A participant picture is loaded only on request: fetching it tells the picture's host who is looking. */
function pictureOnRequest(url: string, allowed: boolean): HTMLElement {
  let host = 'its host';
  try {
    host = new URL(url).host;
  } catch {
    // not a URL: the button stays, the load will fail visibly
  }
  const holder = el('div', { class: 'picture' });
  if (allowed) {
    const image = el('img', { alt: 'Participant picture', referrerpolicy: 'no-referrer' });
    image.src = url;
    holder.append(image);
    return holder;
  }
  // The panel's policy allows no outside image until the host widens it to this origin alone.
  const show = el('button', { type: 'button', class: 'link' }, `Show picture (loads it from ${host})`);
  show.addEventListener('click', () => vscode.postMessage({ type: 'showPicture' }));
  holder.append(show);
  return holder;
}

function peerSwitcher(peers: readonly WirePeerStats[], selected: number, onSelect: (index: number) => void): HTMLElement | undefined {
  if (peers.length < 2) return undefined;
  const select = el('select', { id: 'peer-switcher', 'aria-label': 'Peer' });
  peers.forEach((peer, index) => {
    const option = el(
      'option',
      { value: String(index) },
      `Peer ${index + 1}: ${peer.peerId ?? 'unknown'}${peer.startedAt ? ` (from ${formatTime(peer.startedAt)})` : ''}`,
    );
    option.selected = index === selected;
    select.append(option);
  });
  select.addEventListener('change', () => onSelect(Number(select.value)));
  return el('div', { class: 'peer-switcher' }, el('label', { for: 'peer-switcher' }, 'Statistics of '), select);
}

/**
 * The current API keeps call statistics in each peer's report, not in the participant's answer: offer
 * them, one button per peer (each reconnect is a peer).
 */
function peerReports(p: PanelPayload['participant']): HTMLElement | undefined {
  const statistics = p.peerStats.some((peer) => peer.tracks.length > 0 || peer.tracksFollow);
  if (p.kind !== 'sessionParticipant' || p.peers.length === 0 || statistics) return undefined;
  return el(
    'section',
    { id: 'peer-reports', 'aria-labelledby': 'peer-reports-title' },
    el('h2', { id: 'peer-reports-title' }, 'Call statistics per peer'),
    el('p', { class: 'muted' }, 'This answer carries no call statistics; each peer’s report has them.'),
    el(
      'div',
      { class: 'actions' },
      ...p.peers.map((peer, index) =>
        button(`Peer ${index + 1}: ${peer.peerId.slice(0, 8)}`, 'pulse', () =>
          vscode.postMessage({ type: 'openPeer', peerId: peer.peerId }),
        ),
      ),
    ),
  );
}

const millionChars = (chars: number) => `${(chars / 1_000_000).toFixed(1)} million characters`;

/**
 * The API's answer as the host pretty-printed it. It does not come with the payload (it can be half of a
 * large one): the host sends it when the section is first opened, and copies the whole of it itself.
 */
function rawSection(fetchedAt: string): { element: HTMLElement; show(message: RawJsonMessage): void } {
  const pre = el('pre', { id: 'raw-json' });
  const note = el('p', { class: 'muted', id: 'raw-json-note', role: 'status' });
  let requested = false;
  const details = el(
    'details',
    { class: 'raw' },
    el('summary', {}, 'Raw JSON'),
    el(
      'div',
      { class: 'actions' },
      copyButton(() => vscode.postMessage({ type: 'copyRawJson' }), 'raw JSON'),
    ),
    note,
    pre,
  );
  details.addEventListener('toggle', () => {
    if (!details.open || requested) return;
    requested = true;
    note.textContent = 'Loading the answer…';
    vscode.postMessage({ type: 'rawJson' });
  });
  return {
    element: details,
    show(message) {
      // An answer for other data (a refresh crossed the request) waits for the 'show' that follows it.
      if (message.fetchedAt !== fetchedAt || !requested) return;
      pre.textContent = message.text;
      note.textContent =
        message.text.length < message.totalChars
          ? `Showing the first ${millionChars(message.text.length)} of ${millionChars(message.totalChars)}; Copy and Export JSON take the whole answer.`
          : '';
    },
  };
}

/**
 * `zoom` (epoch ms) opens the charts on a time window, e.g. an issue of another peer just switched to.
 * Given the view it replaces (`shown`), its charts of the same peer are kept and given the new data: a
 * Refresh draws in the canvases it has, and keeps a zoomed-in window.
 */
export function renderParticipant(
  root: HTMLElement,
  payload: PanelPayload,
  selectedPeer: number,
  onSelectPeer: (index: number, zoom?: { from: number; to: number }) => void,
  zoom?: { from: number; to: number },
  shown?: RenderedView,
): RenderedView {
  const p = payload.participant;
  const peerIndex = Math.min(selectedPeer, Math.max(0, p.peerStats.length - 1));
  let peer = p.peerStats[peerIndex];
  const kept = zoom ? undefined : shown?.takeQuality(p.id, peer?.peerId);
  const senderBefore = shown?.senderShown(p.id);
  shown?.destroy();
  const updated = kept?.quality.update(peer, p.peerEvents, payload.issues) === true;
  // Charts of the same peer built anew (its senders named since) open as the user left them: zoom,
  // sender; another peer of the same participant (a reconnect, receiving from the same people) keeps the
  // sender, unless an issue was followed there (its lines may be another sender's).
  const keptState = kept?.quality.viewState() ?? { sender: zoom ? undefined : senderBefore };
  if (kept && !updated) kept.quality.destroy();
  let quality: QualityView = updated ? kept!.quality : qualitySection(peer, p.peerEvents, payload.issues, keptState);
  // A section kept from the view before is this view's now: narrowing it rebuilds it here.
  quality.rebuildWith(rebuildForSender);
  const qualityHolder = updated
    ? kept!.holder
    : el(
        'section',
        { id: 'quality', 'aria-labelledby': 'quality-title' },
        el('h2', { id: 'quality-title' }, 'Quality over time'),
        quality.element,
      );
  const summary = summarySection(
    p,
    payload.verdict,
    payload.issues,
    (issue) => {
      const owner = p.peerStats.findIndex((candidate) => candidate.peerId === issue.peerId);
      if (owner >= 0 && owner !== peerIndex) onSelectPeer(owner, { from: issue.from!, to: issue.to! });
      else quality.zoomTo(issue.from!, issue.to!);
    },
    {
      attribution: payload.attribution,
      sessionOverview: payload.sessionOverview === true,
      openParticipant: (participantId) => vscode.postMessage({ type: 'openParticipant', participantId }),
      openSessionOverview: () => vscode.postMessage({ type: 'openSessionOverview' }),
    },
  );
  const raw = rawSection(payload.fetchedAt);
  root.replaceChildren(
    header(payload),
    summary,
    ...[peerReports(p)].filter((node): node is HTMLElement => node !== undefined),
    ...[peerSwitcher(p.peerStats, peerIndex, onSelectPeer)].filter((node): node is HTMLElement => node !== undefined),
    deviceSection(peer),
    networkSection(peer),
    precallSection(peer, payload.precallLimits),
    qualityHolder,
    raw.element,
  );
  if (!updated) quality.mount();
  if (zoom) quality.zoomTo(zoom.from, zoom.to);
  let given = false;
  return {
    takeQuality: (participantId, peerId) => {
      if (participantId === undefined || participantId !== p.id || peerId !== peer?.peerId) return undefined;
      given = true;
      return { quality, holder: qualityHolder };
    },
    showRawJson: (message) => raw.show(message),
    checked: (checkedAt) => {
      const note = root.querySelector('#fetched');
      if (note) note.textContent = fetchedNote(payload.fetchedAt, checkedAt);
    },
    destroy: () => {
      if (!given) quality.destroy();
    },
    senderShown: (participantId) => (participantId !== undefined && participantId === p.id ? quality.viewState().sender : undefined),
    redrawCharts,
    useColumns: (peerStats) => {
      peer = peerStats[peerIndex] ?? peer;
      if (quality.update(peer, p.peerEvents, payload.issues)) return;
      redrawCharts();
      if (zoom) quality.zoomTo(zoom.from, zoom.to);
    },
  };

  function rebuildForSender(): void {
    redrawCharts();
    // Chosen from the keyboard: the control drawn anew keeps the focus.
    quality.element.querySelector<HTMLSelectElement>('#sender-filter')?.focus();
  }

  function redrawCharts(): void {
    const state = quality.viewState();
    quality.destroy();
    quality = qualitySection(peer, p.peerEvents, payload.issues, state);
    quality.rebuildWith(rebuildForSender);
    qualityHolder.replaceChildren(qualityHolder.firstChild!, quality.element);
    quality.mount();
  }
}

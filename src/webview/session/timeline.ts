/**
 * The session timeline: one lane per participant in the table's order (virtualised like the table),
 * one bar per peer from join to leave (a reconnect shows as a gap), issue windows marked on the bars,
 * one clock-time axis. Zoom by dragging across the lanes or with the buttons; all keyboard reachable.
 * Positions are percentages of the window, so a resize needs no redraw.
 */
import type { ParticipantRow } from '../../shared/session';
import { actionButton } from '../button';
import { el } from '../dom';
import { clockText } from './cellText';
import { rowName } from './sortRows';
import { clampWindow, isWhole, panWindow, percentOf, tickLabel, timeTicks, windowText, zoomWindow, type TimeWindow } from './timeScale';
import { VirtualList } from './virtualList';

const LANE_HEIGHT = 22;
/** Narrower drags are clicks, not zooms. */
const MIN_DRAG_PX = 4;

export interface TimelineView {
  element: HTMLElement;
  setRows(rows: readonly ParticipantRow[]): void;
  setBounds(bounds: TimeWindow | undefined): void;
}

export function sessionTimeline(saved: TimeWindow | undefined, onWindowChange: (window: TimeWindow | undefined) => void): TimelineView {
  let bounds: TimeWindow | undefined;
  /** Undefined: the whole session. */
  let zoom = saved;
  const current = () => (bounds ? (zoom ? clampWindow(zoom, bounds) : bounds) : undefined);

  const label = el('span', { class: 'muted', 'aria-live': 'polite' });
  const button = (text: string, icon: string, title: string, onClick: () => void) =>
    actionButton(text || undefined, icon, onClick, { title, 'aria-label': title });
  const whole = el('button', { type: 'button', class: 'link', id: 'timeline-reset' }, 'Show the whole session');
  whole.addEventListener('click', () => setWindow(undefined));
  const act = (change: (window: TimeWindow, bounds: TimeWindow) => TimeWindow) => () => {
    const window = current();
    if (window && bounds) setWindow(change(window, bounds));
  };
  const toolbar = el(
    'div',
    { class: 'actions timeline-toolbar' },
    button(
      '',
      'zoom-in',
      'Zoom in',
      act((w, b) => zoomWindow(w, 0.5, b)),
    ),
    button(
      '',
      'zoom-out',
      'Zoom out',
      act((w, b) => zoomWindow(w, 2, b)),
    ),
    button(
      '',
      'arrow-left',
      'Earlier',
      act((w, b) => panWindow(w, -0.5, b)),
    ),
    button(
      '',
      'arrow-right',
      'Later',
      act((w, b) => panWindow(w, 0.5, b)),
    ),
    label,
    whole,
  );

  const axis = el('div', { class: 'timeline-axis', 'aria-hidden': 'true' });
  const gridLines = el('div', { class: 'timeline-gridlines', 'aria-hidden': 'true' });
  const brush = el('div', { class: 'timeline-brush', hidden: '' });
  const body = el('div', { class: 'timeline-body', role: 'list' });
  const scroller = el('div', { class: 'timeline-scroller' }, body);
  const tracks = el('div', { class: 'timeline-lanes' }, gridLines, brush, scroller);
  const empty = el('p', { class: 'muted', hidden: '' }, 'No times to place on a timeline yet.');

  const lanes = new VirtualList<ParticipantRow>({
    scroller,
    body,
    rowHeight: LANE_HEIGHT,
    overscan: 4,
    key: (row) => row.participantId,
    render: renderLane,
  });
  let rows: readonly ParticipantRow[] = [];
  let lanesPending = false;

  function renderLane(row: ParticipantRow): HTMLElement {
    const window = current();
    const track = el('div', { class: 'lane-track' });
    if (window) {
      const spans = row.peers.length ? row.peers : [{ peerId: '', from: row.joinedAt, to: row.leftAt }];
      for (const peer of spans) {
        const from = peer.from ?? row.joinedAt ?? bounds!.from;
        const to = peer.to ?? row.leftAt ?? bounds!.to;
        const title = `${peer.peerId ? `Peer ${peer.peerId}` : 'In the call'}: ${clockText(from)}–${(peer.to ?? row.leftAt) ? clockText(to) : 'still in the call'}`;
        const bar = placed('lane-bar', from, to, window, title);
        if (bar) track.append(bar);
      }
      // One mark a stretch: the same stretch of several senders' tracks is one on the lane.
      const marked = new Set<string>();
      for (const issue of row.issueWindows) {
        const key = `${issue.rule} ${issue.severity} ${issue.from} ${issue.to}`;
        if (marked.has(key)) continue;
        marked.add(key);
        const mark = placed(
          `lane-issue severity-${issue.severity}`,
          issue.from,
          issue.to,
          window,
          `${issue.title} (${issue.severity}) ${clockText(issue.from)}–${clockText(issue.to)}`,
        );
        if (mark) track.append(mark);
      }
    }
    const name = rowName(row);
    return el(
      'div',
      { class: `lane verdict-${row.verdict}`, role: 'listitem' },
      el('span', { class: 'lane-name', title: name }, name),
      track,
    );
  }

  function placed(className: string, from: number, to: number, window: TimeWindow, title: string): HTMLElement | undefined {
    const left = Math.max(0, percentOf(from, window));
    const right = Math.min(100, percentOf(to, window));
    if (right < 0 || left > 100 || right < left) return undefined;
    return el('div', { class: className, title, style: `left: ${left}%; width: ${right - left}%` });
  }

  function drawAxis(): void {
    const window = current();
    axis.replaceChildren();
    gridLines.replaceChildren();
    if (!window || !bounds) return;
    const { step, ticks } = timeTicks(window, 8);
    for (const t of ticks) {
      const left = `left: ${percentOf(t, window)}%`;
      axis.append(el('span', { class: 'tick', style: left }, tickLabel(t, step)));
      gridLines.append(el('span', { class: 'gridline', style: left }));
    }
    label.textContent = `Showing ${windowText(window)}. `;
    whole.hidden = isWhole(window, bounds);
  }

  function redraw(): void {
    const window = current();
    empty.hidden = window !== undefined && rows.length > 0;
    drawAxis();
    // New items force every lane to be rebuilt at the new scale.
    lanes.setItems([]);
    lanes.setItems(rows);
  }

  function setWindow(window: TimeWindow | undefined): void {
    zoom = window && bounds && !isWhole(window, bounds) ? window : undefined;
    onWindowChange(zoom);
    redraw();
  }

  // Drag across the lanes' tracks to zoom to that window.
  tracks.addEventListener('mousedown', (event) => {
    const window = current();
    const area = gridLines.getBoundingClientRect();
    if (event.button !== 0 || !window || event.clientX < area.left || event.clientX > area.right) return;
    event.preventDefault();
    const start = event.clientX;
    const at = (x: number) =>
      window.from + ((Math.min(area.right, Math.max(area.left, x)) - area.left) / area.width) * (window.to - window.from);
    const move = (moveEvent: MouseEvent) => {
      const left = Math.min(start, moveEvent.clientX);
      const right = Math.max(start, moveEvent.clientX);
      brush.hidden = false;
      brush.style.left = `${Math.max(0, left - area.left) + gridLines.offsetLeft}px`;
      brush.style.width = `${Math.min(area.right, right) - Math.max(area.left, left)}px`;
    };
    const up = (upEvent: MouseEvent) => {
      document.removeEventListener('mousemove', move);
      document.removeEventListener('mouseup', up);
      brush.hidden = true;
      if (Math.abs(upEvent.clientX - start) >= MIN_DRAG_PX && bounds)
        setWindow(clampWindow({ from: at(Math.min(start, upEvent.clientX)), to: at(Math.max(start, upEvent.clientX)) }, bounds));
    };
    document.addEventListener('mousemove', move);
    document.addEventListener('mouseup', up);
  });

  const element = el(
    'section',
    { id: 'timeline', 'aria-labelledby': 'timeline-title' },
    el('h2', { id: 'timeline-title' }, 'Timeline'),
    toolbar,
    el(
      'p',
      { class: 'muted hint' },
      'One lane per participant, in the table’s order and filter; a bar per peer (a gap is a reconnect), issues marked on it (hover for details). Drag across the lanes to zoom.',
    ),
    axis,
    tracks,
    empty,
  );

  return {
    element,
    setRows(next) {
      rows = next;
      // Drawn in the next frame: a sort or a keystroke then pays for the table alone in its own frame.
      if (lanesPending) return;
      lanesPending = true;
      requestAnimationFrame(() => {
        lanesPending = false;
        empty.hidden = current() !== undefined && rows.length > 0;
        lanes.setItems(rows);
      });
    },
    setBounds(next) {
      const changed = next?.from !== bounds?.from || next?.to !== bounds?.to;
      bounds = next;
      if (changed) redraw();
    },
  };
}

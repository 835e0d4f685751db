/** The session's header: title, ID with copy, LIVE/ENDED, times and counts, retention notices, verdict line. */
import { formatDuration, formatTime } from '../../shared/format';
import type { SessionHeader } from '../../shared/session';
import { el } from '../dom';
import { actionButton } from '../button';
import { badge, fieldTable } from '../fields';

export function sessionHeader(header: SessionHeader, verdictLine: string, onExport: () => void): HTMLElement {
  const facts = fieldTable([
    { label: 'Session ID', value: header.sessionId, copy: true },
    { label: 'Status', value: header.status },
    { label: 'Started', value: formatTime(header.startedAt) },
    { label: 'Ended', value: header.endedAt ? formatTime(header.endedAt) : header.live ? 'still running' : undefined },
    { label: 'Duration', value: header.durationMinutes !== undefined ? formatDuration(header.durationMinutes) : undefined },
    { label: 'Max concurrent participants', value: header.maxConcurrentParticipants },
    { label: 'Minutes consumed', value: header.minutesConsumed },
    { label: 'Type', value: header.type },
  ]);
  const exportButton = actionButton('Export', 'export', onExport, { id: 'export' });
  const notices = header.notices.length
    ? el(
        'ul',
        { class: 'notices' },
        ...header.notices.map((notice) =>
          el('li', {}, el('span', { class: 'codicon codicon-history', 'aria-hidden': 'true' }), ` ${notice}`),
        ),
      )
    : undefined;
  return el(
    'header',
    {},
    el(
      'h1',
      { id: 'session-title' },
      header.title || `Session ${header.sessionId}`,
      ' ',
      header.live ? badge('warn', 'LIVE') : badge('info', 'ENDED'),
    ),
    el('p', { class: 'verdict', id: 'session-verdict' }, verdictLine),
    el('div', { class: 'actions' }, exportButton),
    facts,
    notices,
  );
}

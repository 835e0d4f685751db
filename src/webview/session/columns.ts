/** The participant table's columns: header, width and what each cell shows. Cells are text or DOM, never HTML. */
import type { ParticipantRow } from '../../shared/session';
import { el } from '../dom';
import {
  causedByText,
  clockText,
  durationText,
  lossText,
  mosText,
  networkText,
  peersText,
  pendingText,
  rttText,
  topIssueText,
  VERDICT_WORDS,
} from './cellText';
import { clientText, rowName, type ColumnId } from './sortRows';

export interface CellContext {
  nameOf(participantId: string): string | undefined;
  /** Whether the row's own controls are in the Tab order (only the active row's are). */
  active: boolean;
  onOpen(row: ParticipantRow): void;
  onRetry(row: ParticipantRow): void;
}

export interface Column {
  id: ColumnId;
  label: string;
  /** CSS grid track. */
  width: string;
  /** First click sorts descending: for these a high value is the bad one. */
  firstDescending?: boolean;
  numeric?: boolean;
  cell(row: ParticipantRow, context: CellContext): Node | string;
}

const VERDICT_ICONS: Record<ParticipantRow['verdict'], string> = { good: 'pass', degraded: 'warning', poor: 'error', unknown: 'question' };

const icon = (name: string, extra = '') => el('span', { class: `codicon codicon-${name}${extra}`, 'aria-hidden': 'true' });

/** A metric cell: the figure, or while the row waits for its statistics, what it waits for. */
function metric(text: (row: ParticipantRow) => string) {
  return (row: ParticipantRow): Node | string => {
    const value = text(row);
    if (value) return value;
    const pending = pendingText(row);
    if (row.state === 'analysing')
      return el(
        'span',
        { class: 'pending', title: 'Analysing…' },
        icon('loading', ' codicon-modifier-spin'),
        el('span', { class: 'visually-hidden' }, pending),
      );
    if (pending) return el('span', { class: 'pending muted', title: pending }, '…', el('span', { class: 'visually-hidden' }, pending));
    return '';
  };
}

function verdictCell(row: ParticipantRow): Node {
  if (row.state === 'waiting' || row.state === 'analysing') return metric(() => '')(row) as Node;
  return el(
    'span',
    { class: `verdict-cell verdict-${row.verdict}` },
    icon(VERDICT_ICONS[row.verdict] ?? 'question'),
    ` ${VERDICT_WORDS[row.verdict] ?? 'Unknown'}`,
  );
}

function issueCell(row: ParticipantRow, context: CellContext): Node | string {
  if (row.state === 'failed' || row.error) {
    const retry = el('button', { type: 'button', class: 'link retry', tabindex: context.active ? '0' : '-1' }, 'Retry');
    retry.addEventListener('click', (event) => {
      event.stopPropagation();
      context.onRetry(row);
    });
    // Retry first: a long error is cut off at the cell's end (the whole text is in its tooltip).
    return el(
      'span',
      { class: 'failed' },
      retry,
      ' ',
      el('span', { class: 'error', title: row.error ?? 'failed' }, icon('error'), ` ${row.error ?? 'Failed'}`),
    );
  }
  const cause = causedByText(row, context.nameOf);
  if (!row.topIssue) return metric(() => '')(row);
  return el(
    'span',
    { title: [row.topIssue, cause].filter(Boolean).join(' — ') },
    topIssueText(row),
    cause ? el('span', { class: 'muted' }, ` — ${cause}`) : undefined,
  );
}

function nameCell(row: ParticipantRow, context: CellContext): Node {
  const open = el(
    'button',
    { type: 'button', class: 'link name', tabindex: context.active ? '0' : '-1', title: `Open ${rowName(row)}` },
    rowName(row),
  );
  open.addEventListener('click', (event) => {
    event.stopPropagation();
    context.onOpen(row);
  });
  return open;
}

/** Triage order: who, how bad and why first; when, how and from where after. */
export const COLUMNS: readonly Column[] = [
  { id: 'name', label: 'Name', width: 'minmax(140px, 1.2fr)', cell: nameCell },
  { id: 'verdict', label: 'Verdict', width: '118px', cell: verdictCell },
  { id: 'issue', label: 'Top issue', width: 'minmax(200px, 2fr)', cell: issueCell },
  { id: 'mos', label: 'Worst MOS', width: '96px', numeric: true, cell: metric(mosText) },
  { id: 'loss', label: 'Worst loss', width: '92px', numeric: true, firstDescending: true, cell: metric(lossText) },
  { id: 'rtt', label: 'p95 RTT', width: '76px', numeric: true, firstDescending: true, cell: metric(rttText) },
  { id: 'peers', label: 'Peers', width: '124px', numeric: true, firstDescending: true, cell: (row) => peersText(row) },
  { id: 'network', label: 'Network', width: '130px', cell: metric(networkText) },
  { id: 'client', label: 'Browser / OS / SDK', width: 'minmax(150px, 1fr)', cell: (row) => clientText(row) },
  { id: 'joined', label: 'Joined', width: '80px', numeric: true, cell: (row) => clockText(row.joinedAt) },
  { id: 'left', label: 'Left', width: '80px', numeric: true, cell: (row) => clockText(row.leftAt) },
  {
    id: 'duration',
    label: 'Duration',
    width: '100px',
    numeric: true,
    firstDescending: true,
    cell: (row) => durationText(row.durationMinutes),
  },
  { id: 'preset', label: 'Preset', width: '110px', cell: (row) => row.preset ?? '' },
  { id: 'customId', label: 'Custom ID', width: '110px', cell: (row) => row.customParticipantId ?? '' },
];

/** The selection checkbox column comes first. */
export const GRID_TEMPLATE = ['32px', ...COLUMNS.map((column) => column.width)].join(' ');

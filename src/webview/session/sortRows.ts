/**
 * Orders the participant table. Pure: no DOM. "Worst first" is poor, degraded, unknown, good; then the
 * most critical issues; then the name. Any other column sorts by its value with missing values last in
 * both directions (an empty cell is never "the worst"), ties broken worst first.
 */
import type { ParticipantRow, VerdictLevel } from '../../shared/session';

export type ColumnId =
  | 'name'
  | 'customId'
  | 'preset'
  | 'joined'
  | 'left'
  | 'duration'
  | 'peers'
  | 'client'
  | 'network'
  | 'mos'
  | 'loss'
  | 'rtt'
  | 'verdict'
  | 'issue';

export interface SortState {
  column: ColumnId;
  descending: boolean;
}

export const DEFAULT_SORT: SortState = { column: 'verdict', descending: false };

const VERDICT_RANK: Record<VerdictLevel, number> = { poor: 0, degraded: 1, unknown: 2, good: 3 };

export function rowName(row: ParticipantRow): string {
  return row.displayName || row.customParticipantId || row.participantId;
}

/** Rows carry rule IDs without severities; their issue windows carry both. */
export function criticalIssueCount(row: ParticipantRow): number {
  const rules = new Set<string>();
  for (const window of row.issueWindows) if (window.severity === 'critical') rules.add(window.rule);
  return rules.size;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export function clientText(row: ParticipantRow): string {
  return [row.browser, row.os, row.sdk].filter(Boolean).join(' · ');
}

type SortKey = number | string | undefined;

const SORT_KEYS: Record<Exclude<ColumnId, 'verdict'>, (row: ParticipantRow) => SortKey> = {
  name: rowName,
  customId: (row) => row.customParticipantId,
  preset: (row) => row.preset,
  joined: (row) => row.joinedAt,
  left: (row) => row.leftAt,
  duration: (row) => row.durationMinutes,
  peers: (row) => row.peerIds.length || undefined,
  client: (row) => clientText(row) || undefined,
  network: (row) => (row.networkType || row.relay !== undefined ? `${row.networkType ?? ''}${row.relay ? ' relay' : ''}` : undefined),
  mos: (row) => row.worstMos,
  loss: (row) => row.worstLossPct,
  rtt: (row) => row.p95RttMs,
  issue: (row) => row.topIssue ?? row.error,
};

interface Keyed {
  row: ParticipantRow;
  rank: number;
  critical: number;
  issues: number;
  name: string;
  key: SortKey;
}

function worstFirst(a: Keyed, b: Keyed): number {
  return a.rank - b.rank || b.critical - a.critical || b.issues - a.issues || collator.compare(a.name, b.name) || (a.row.participantId < b.row.participantId ? -1 : a.row.participantId > b.row.participantId ? 1 : 0);
}

export function compareWorstFirst(a: ParticipantRow, b: ParticipantRow): number {
  return worstFirst(keyed(a, 'verdict'), keyed(b, 'verdict'));
}

function keyed(row: ParticipantRow, column: ColumnId): Keyed {
  return {
    row,
    rank: VERDICT_RANK[row.verdict] ?? VERDICT_RANK.unknown,
    critical: criticalIssueCount(row),
    issues: row.issues.length,
    name: rowName(row),
    key: column === 'verdict' ? undefined : SORT_KEYS[column](row),
  };
}

function compareKeys(a: SortKey, b: SortKey): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/** Returns a new array; keys are computed once per row, not once per comparison. */
export function sortRows(rows: readonly ParticipantRow[], sort: SortState): ParticipantRow[] {
  const items = rows.map((row) => keyed(row, sort.column));
  const sign = sort.descending ? -1 : 1;
  if (sort.column === 'verdict') {
    items.sort((a, b) => sign * worstFirst(a, b));
  } else {
    items.sort((a, b) => {
      const aMissing = a.key === undefined || a.key === '';
      const bMissing = b.key === undefined || b.key === '';
      if (aMissing || bMissing) return aMissing === bMissing ? worstFirst(a, b) : aMissing ? 1 : -1;
      return sign * compareKeys(a.key, b.key) || worstFirst(a, b);
    });
  }
  return items.map((item) => item.row);
}

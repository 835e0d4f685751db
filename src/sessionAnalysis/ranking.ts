/** Orders of the session table: the interface's worst-first order, and sorting by any column. */
import type { ParticipantRow, VerdictLevel } from '../shared/session';

/** Worst first: poor, degraded, unknown, good. */
export const VERDICT_ORDER: Record<VerdictLevel, number> = { poor: 0, degraded: 1, unknown: 2, good: 3 };

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export const rowName = (row: Pick<ParticipantRow, 'displayName' | 'participantId'>): string => row.displayName ?? row.participantId;

/** Poor, degraded, unknown, good; then most critical issues; then name (then ID, so the order is total). */
export function worstFirst(a: ParticipantRow, b: ParticipantRow): number {
  return (
    VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict] ||
    (b.criticalIssues ?? 0) - (a.criticalIssues ?? 0) ||
    collator.compare(rowName(a), rowName(b)) ||
    collator.compare(a.participantId, b.participantId)
  );
}

export function rankRows(rows: readonly ParticipantRow[]): ParticipantRow[] {
  return [...rows].sort(worstFirst);
}

/** What each sortable column compares by. */
const COLUMNS = {
  name: (row: ParticipantRow) => rowName(row),
  customParticipantId: (row: ParticipantRow) => row.customParticipantId,
  preset: (row: ParticipantRow) => row.preset,
  joinedAt: (row: ParticipantRow) => row.joinedAt,
  leftAt: (row: ParticipantRow) => row.leftAt,
  durationMinutes: (row: ParticipantRow) => row.durationMinutes,
  peers: (row: ParticipantRow) => row.peerIds.length,
  reconnects: (row: ParticipantRow) => row.reconnects,
  browser: (row: ParticipantRow) => row.browser,
  os: (row: ParticipantRow) => row.os,
  sdk: (row: ParticipantRow) => row.sdk,
  networkType: (row: ParticipantRow) => row.networkType,
  relay: (row: ParticipantRow) => (row.relay === undefined ? undefined : Number(row.relay)),
  worstMos: (row: ParticipantRow) => row.worstMos,
  worstLossPct: (row: ParticipantRow) => row.worstLossPct,
  p95RttMs: (row: ParticipantRow) => row.p95RttMs,
  verdict: (row: ParticipantRow) => VERDICT_ORDER[row.verdict],
  issues: (row: ParticipantRow) => row.issues.length,
  topIssue: (row: ParticipantRow) => row.topIssue,
  causedBy: (row: ParticipantRow) => row.causedBy.length || undefined,
  state: (row: ParticipantRow) => row.state,
} satisfies Record<string, (row: ParticipantRow) => string | number | undefined>;

export type SortColumn = keyof typeof COLUMNS;
export const SORT_COLUMNS = Object.keys(COLUMNS) as SortColumn[];

/**
 * A comparator for one column, ascending or descending; rows without a value go last either way, and
 * ties keep the worst-first order. `verdict` ascending is worst first.
 */
export function compareByColumn(column: SortColumn, direction: 'asc' | 'desc' = 'asc'): (a: ParticipantRow, b: ParticipantRow) => number {
  const read = COLUMNS[column];
  const sign = direction === 'asc' ? 1 : -1;
  return (a, b) => {
    const x = read(a);
    const y = read(b);
    if (x === undefined || y === undefined) return x === y ? worstFirst(a, b) : x === undefined ? 1 : -1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return sign * order || worstFirst(a, b);
  };
}

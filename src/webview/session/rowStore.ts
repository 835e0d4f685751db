/** Applies a 'rows' message: upsert by participant ID (existing rows keep their place) or replace all. Pure. */
import type { ParticipantRow } from '../../shared/session';

export function applyRows(current: readonly ParticipantRow[], incoming: readonly ParticipantRow[], replace: boolean): ParticipantRow[] {
  if (replace) return dedupe(incoming);
  const next = [...current];
  const index = new Map(next.map((row, i) => [row.participantId, i]));
  for (const row of incoming) {
    const at = index.get(row.participantId);
    if (at === undefined) {
      index.set(row.participantId, next.length);
      next.push(row);
    } else {
      next[at] = row;
    }
  }
  return next;
}

/** A participant listed twice in one message keeps its last version. */
function dedupe(rows: readonly ParticipantRow[]): ParticipantRow[] {
  return applyRows([], rows, false);
}

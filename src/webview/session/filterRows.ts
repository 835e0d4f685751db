/**
 * The table's text filter. Pure: no DOM. Every whitespace-separated term must appear (case-insensitive)
 * in one of the row's name, IDs, preset, browser, OS, issue titles or rule IDs, or its verdict.
 */
import type { ParticipantRow } from '../../shared/session';

// Rows are replaced, never mutated, when new data arrives: the text can be cached per row object.
const haystacks = new WeakMap<ParticipantRow, string>();

function haystack(row: ParticipantRow): string {
  let text = haystacks.get(row);
  if (text === undefined) {
    text = [
      row.displayName,
      row.participantId,
      row.customParticipantId,
      ...row.peerIds,
      row.preset,
      row.browser,
      row.os,
      row.sdk,
      row.topIssue,
      ...row.issues,
      // An issue has a window per critical stretch: its title once.
      ...new Set(row.issueWindows.map((window) => window.title)),
      row.verdict,
      row.state === 'failed' ? 'failed' : undefined,
    ]
      .filter((part): part is string => typeof part === 'string' && part !== '')
      .join('\n')
      .toLowerCase();
    haystacks.set(row, text);
  }
  return text;
}

function filterTerms(filter: string): string[] {
  return filter.toLowerCase().split(/\s+/).filter(Boolean);
}

export function filterRows(rows: readonly ParticipantRow[], filter: string): ParticipantRow[] {
  const terms = filterTerms(filter);
  if (terms.length === 0) return [...rows];
  return rows.filter((row) => {
    const text = haystack(row);
    return terms.every((term) => text.includes(term));
  });
}

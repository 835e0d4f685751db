/** What a stats panel shows: the inspection, its analysis, and the payload posted to the webview. */
import { detectIssues, verdictOf } from '../analysis/detectIssues';
import { PRECALL_LIMITS } from '../analysis/thresholds';
import type { PanelPayload } from '../shared/messages';
import type { DetectedIssue, InspectedParticipant, Verdict } from '../shared/model';
import { toWireParticipant } from '../shared/wire';

export interface Inspection {
  participant: InspectedParticipant;
  /** The API's `data` as received. */
  raw: unknown;
  fetchedAt: string;
  stale?: boolean;
}

export interface PanelContent extends Inspection {
  issues: DetectedIssue[];
  verdict: Verdict;
}

export function analyse(inspection: Inspection): PanelContent {
  const issues = detectIssues(inspection.participant);
  return { ...inspection, issues, verdict: verdictOf(issues, inspection.participant) };
}

export function toPayload(content: PanelContent, restore: Record<string, unknown>): PanelPayload {
  return {
    participant: toWireParticipant(content.participant),
    issues: content.issues,
    verdict: content.verdict,
    precallLimits: PRECALL_LIMITS,
    raw: content.raw,
    fetchedAt: content.fetchedAt,
    stale: content.stale,
    restore,
  };
}

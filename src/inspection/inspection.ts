/** An inspection: a target's fetched answer, normalised, and its analysis. */
import { detectIssues, verdictOf } from '../analysis/detectIssues';
import type { PhaseRecorder } from '../common/phaseTimes';
import type { DetectedIssue, InspectedParticipant, Verdict } from '../shared/model';

export interface Inspection {
  participant: InspectedParticipant;
  /** The API's `data` as received. */
  raw: unknown;
  fetchedAt: string;
  /** Set when the fetch failed and this is the last data kept. */
  stale?: boolean;
  /** Where this inspection's time went, filled in until it is painted. */
  phases?: PhaseRecorder;
}

export interface AnalysedInspection extends Inspection {
  issues: DetectedIssue[];
  verdict: Verdict;
}

export function analyseInspection(inspection: Inspection): AnalysedInspection {
  const analyse = () => {
    const issues = detectIssues(inspection.participant);
    return { ...inspection, issues, verdict: verdictOf(issues, inspection.participant) };
  };
  return inspection.phases ? inspection.phases.time('analyse', analyse) : analyse();
}

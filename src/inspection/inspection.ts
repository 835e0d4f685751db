/** An inspection: a target's fetched answer, normalised, and its analysis. */
import { detectIssues, verdictOf } from '../analysis/detectIssues';
import type { PhaseRecorder } from '../common/phaseTimes';
import type { DetectedIssue, InspectedParticipant, Verdict } from '../shared/model';
import type { WireParticipant } from '../shared/wire';
import type { AnswerFingerprints } from './answerFingerprints';

export interface Inspection {
  participant: InspectedParticipant;
  /** The API's `data` as received. */
  raw: unknown;
  fetchedAt: string;
  /** Set when a later fetch got the same answers again: when (`fetchedAt` stays that of the data). */
  checkedAt?: string;
  /** Set when the fetch failed and this is the last data kept. */
  stale?: boolean;
  /** Where this inspection's time went, filled in until it is painted. */
  phases?: PhaseRecorder;
}

export interface AnalysedInspection extends Inspection {
  issues: DetectedIssue[];
  verdict: Verdict;
  /** The webview's columns, when the stats worker built them with the analysis. */
  wire?: WireParticipant;
  /** The first paint's cut of long tracks (previewColumns.ts), when the stats worker made it. */
  preview?: WireParticipant;
  /** What the stats worker read, when every answer was read: a later fetch of the same answers keeps this inspection. */
  fingerprints?: AnswerFingerprints;
}

export function analyseInspection(inspection: Inspection | AnalysedInspection): AnalysedInspection {
  // Analysed by the stats worker already (and not spread: its raw answer is parsed only when read).
  if ('verdict' in inspection) return inspection;
  const analyse = () => {
    const issues = detectIssues(inspection.participant);
    return { ...inspection, issues, verdict: verdictOf(issues, inspection.participant) };
  };
  return inspection.phases ? inspection.phases.time('analyse', analyse) : analyse();
}

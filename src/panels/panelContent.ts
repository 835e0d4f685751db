/** The payload a stats panel posts to its webview, from an analysed inspection. */
import { PRECALL_LIMITS } from '../analysis/thresholds';
import type { AnalysedInspection } from '../inspection/inspection';
import type { InspectionTarget } from '../inspection/inspectionTarget';
import type { PanelPayload } from '../shared/messages';
import { toWireParticipant } from '../shared/wire';

export function toPayload(content: AnalysedInspection, target: InspectionTarget, pictureAllowed = false): PanelPayload {
  return {
    participant: toWireParticipant(content.participant),
    issues: content.issues,
    verdict: content.verdict,
    precallLimits: PRECALL_LIMITS,
    raw: content.raw,
    fetchedAt: content.fetchedAt,
    stale: content.stale,
    pictureAllowed,
    restore: { ...target },
  };
}

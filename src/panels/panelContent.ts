/** The payload a stats panel posts to its webview, from an analysed inspection. */
import { PRECALL_LIMITS } from '../analysis/thresholds';
import type { AnalysedInspection } from '../inspection/inspection';
import type { InspectionTarget } from '../inspection/inspectionTarget';
import type { PanelAttribution, PanelPayload } from '../shared/messages';
import { toWireParticipant } from '../shared/wire';

export interface PayloadExtras {
  pictureAllowed?: boolean;
  attribution?: PanelAttribution;
}

export function toPayload(content: AnalysedInspection, target: InspectionTarget, extras: PayloadExtras = {}): PanelPayload {
  return {
    participant: toWireParticipant(content.participant),
    issues: content.issues,
    verdict: content.verdict,
    precallLimits: PRECALL_LIMITS,
    raw: content.raw,
    fetchedAt: content.fetchedAt,
    stale: content.stale,
    pictureAllowed: extras.pictureAllowed,
    attribution: extras.attribution,
    sessionOverview: target.kind === 'sessionParticipant',
    restore: { ...target },
  };
}

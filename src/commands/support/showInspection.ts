/**
 * The shared path of the three "show" commands: fetch behind progress, record the target in the
 * explorer, open or reveal its stats panel, and resolve to the API's `data` once it is on screen
 * (to nothing when run where no one reads it: resultUnwanted.ts).
 */
import { inspectWithPeerReports } from '../../inspection/peerReports';
import type { ParticipantTarget } from '../../inspection/inspectionTarget';
import { reopenCommand } from '../../inspection/reopenCommand';
import { readRaw } from '../../inspection/worker/inspectOffThread';
import type { PreparedPanel } from '../../panels/statsPanels';
import { resultWanted } from './resultUnwanted';
import type { Services } from './services';
import { withApi } from './withApi';

export async function showInspection(
  services: Services,
  title: string,
  target: ParticipantTarget,
): Promise<Record<string, unknown> | undefined> {
  let panel: PreparedPanel | undefined;
  const inspection = await withApi(
    services,
    title,
    (signal) => {
      // Its webview starts while the answer downloads; closing it meanwhile cancels, as Cancel does.
      panel = services.panels.prepare(target);
      return inspectWithPeerReports(services.client(), services.scheduler, target, {
        signal: AbortSignal.any([signal, panel.closed]),
        refresh: true,
        // Shown already: answers the same as the panel's are not read again.
        previous: services.panels.shown(target),
      });
    },
    reopenCommand(target),
  );
  if (inspection === undefined || panel?.closed.aborted) {
    panel?.abandon();
    return undefined;
  }
  const shown = { ...target, label: inspection.participant.displayName ?? target.label };
  // The panel is shown while the explorer records the inspection (two Memento writes, each a round trip
  // to the workbench); a failed write still fails the command, though the panel is on screen.
  const [outcome] = await Promise.all([services.panels.show(shown, inspection), services.store.addInspection(shown, inspection)]);
  // Closed before it was painted: the user moved on, as with Cancel.
  if (outcome === 'disposed' || !resultWanted()) return undefined;
  return (await readRaw(inspection)) as Record<string, unknown>;
}

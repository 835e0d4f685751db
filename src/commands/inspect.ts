/**
 * The shared path of the three "show" commands: fetch behind progress, normalise, record in the tree,
 * open or reveal the stats panel, and resolve to the API's `data` once it is on screen.
 */
import type { RealtimeKitClient } from '../api/client';
import { normalizeParticipant } from '../api/normalize';
import type { InspectedKind } from '../shared/model';
import type { LookedUp } from '../views/lookedUp';
import type { Services } from './services';
import { withApi } from './withApi';

export interface InspectRequest {
  title: string;
  kind: InspectedKind;
  item: LookedUp;
  fetch: (client: RealtimeKitClient, signal: AbortSignal) => Promise<Record<string, unknown>>;
  hints?: { peerId?: string; sessionId?: string };
  rerun: () => Thenable<unknown>;
}

export async function inspect(services: Services, request: InspectRequest): Promise<Record<string, unknown> | undefined> {
  const data = await withApi(services, request.title, (signal) => request.fetch(services.client(), signal), request.rerun);
  if (data === undefined) return undefined;
  const participant = normalizeParticipant(request.kind, data, request.hints);
  const item = { ...request.item, label: participant.displayName ?? request.item.label };
  await services.tree.addLookedUp(item, participant, data);
  await services.panels.show(item, { participant, raw: data, fetchedAt: new Date().toISOString() });
  return data;
}

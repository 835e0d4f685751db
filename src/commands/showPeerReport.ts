/** realtimekit.showPeerReport: GET /sessions/peer-report/{peer_id}. */
import type { StatsFilter } from '../api/endpoints';
import { argumentObject, optionalFilters, requiredString } from './arguments';
import { askForFilters } from './filtersPrompt';
import { inspect } from './inspect';
import { askForId } from './prompts';
import { resolveScope } from './scope';
import type { Services } from './services';

export const SHOW_PEER_REPORT = 'realtimekit.showPeerReport';
const TITLE = 'RealtimeKit: Show Peer Report';

export async function showPeerReport(services: Services, rawArgument?: unknown): Promise<unknown> {
  const argument = argumentObject(rawArgument, SHOW_PEER_REPORT);
  let peerId: string | undefined;
  let filters: StatsFilter[] | undefined;
  if (argument) {
    peerId = requiredString(argument, 'peerId', SHOW_PEER_REPORT);
    filters = optionalFilters(argument, SHOW_PEER_REPORT);
  }
  const scope = await resolveScope(services, argument, TITLE);
  if (!scope) return undefined;
  if (!argument) {
    peerId = await askForId('peer', services.recent, { title: TITLE, step: 'peer' });
    if (!peerId) return undefined;
    filters = await askForFilters(TITLE);
    if (!filters) return undefined;
  }
  const id = peerId!;
  return inspect(services, 'Fetching RealtimeKit peer report…', { kind: 'peer', ...scope, peerId: id, filters });
}

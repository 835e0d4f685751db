/** realtimekit.showPeerReport: GET /sessions/peer-report/{peer_id}. */
import type { CommandId } from '../common/commands';
import type { StatsFilter } from '../api/endpoints';
import { argumentObject, optionalFilters, requiredString } from './support/arguments';
import { askForFilters } from './support/filtersPrompt';
import { showInspection } from './support/showInspection';
import { askForId } from './support/prompts';
import { resolveScope } from './support/scope';
import type { CommandDefinition } from './support/commandDefinition';
import type { Services } from './support/services';

const COMMAND = 'realtimekit.showPeerReport' satisfies CommandId;
const TITLE = 'RealtimeKit: Show Peer Report';

async function showPeerReport(services: Services, rawArgument?: unknown): Promise<unknown> {
  const argument = argumentObject(rawArgument, COMMAND);
  let peerId: string | undefined;
  let filters: StatsFilter[] | undefined;
  if (argument) {
    peerId = requiredString(argument, 'peerId', COMMAND);
    filters = optionalFilters(argument, COMMAND);
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
  return showInspection(services, 'Fetching RealtimeKit peer report…', { kind: 'peer', ...scope, peerId: id, filters });
}

export const showPeerReportCommand: CommandDefinition = { id: COMMAND, run: showPeerReport };

/** realtimekit.showSessionParticipant: GET /sessions/{session_id}/participants/{participant_id}. */
import type { CommandId } from '../common/commands';
import type { StatsFilter } from '../api/endpoints';
import { argumentObject, optionalBoolean, optionalFilters, requiredString } from './support/arguments';
import { askForFilters } from './support/filtersPrompt';
import { showInspection } from './support/showInspection';
import { askForId } from './support/prompts';
import { resolveScope } from './support/scope';
import type { CommandDefinition } from './support/commandDefinition';
import type { Services } from './support/services';

const COMMAND = 'realtimekit.showSessionParticipant' satisfies CommandId;
const TITLE = 'RealtimeKit: Show Session Participant';

async function showSessionParticipant(services: Services, rawArgument?: unknown): Promise<unknown> {
  const argument = argumentObject(rawArgument, COMMAND);
  let sessionId: string | undefined;
  let participantId: string | undefined;
  let filters: StatsFilter[] | undefined;
  let includePeerEvents: boolean | undefined;
  if (argument) {
    sessionId = requiredString(argument, 'sessionId', COMMAND);
    participantId = requiredString(argument, 'participantId', COMMAND);
    filters = optionalFilters(argument, COMMAND);
    includePeerEvents = optionalBoolean(argument, 'includePeerEvents', COMMAND);
  }
  const scope = await resolveScope(services, argument, TITLE);
  if (!scope) return undefined;
  if (!argument) {
    sessionId = await askForId('session', services.recent, { title: TITLE, step: 'session' });
    if (!sessionId) return undefined;
    participantId = await askForId('participant', services.recent, { title: TITLE, step: 'participant' });
    if (!participantId) return undefined;
    filters = await askForFilters(TITLE);
    if (!filters) return undefined;
  }
  const ids = { sessionId: sessionId!, participantId: participantId! };
  return showInspection(services, 'Fetching RealtimeKit session participant…', {
    kind: 'sessionParticipant',
    ...scope,
    ...ids,
    filters,
    includePeerEvents: includePeerEvents ?? true,
  });
}

export const showSessionParticipantCommand: CommandDefinition = { id: COMMAND, run: showSessionParticipant };

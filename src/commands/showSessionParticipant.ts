/** realtimekit.showSessionParticipant: GET /sessions/{session_id}/participants/{participant_id}. */
import type { StatsFilter } from '../api/endpoints';
import { argumentObject, optionalBoolean, optionalFilters, requiredString } from './arguments';
import { askForFilters } from './filtersPrompt';
import { inspect } from './inspect';
import { askForId } from './prompts';
import { resolveScope } from './scope';
import type { Services } from './services';

export const SHOW_SESSION_PARTICIPANT = 'realtimekit.showSessionParticipant';
const TITLE = 'RealtimeKit: Show Session Participant';

export async function showSessionParticipant(services: Services, rawArgument?: unknown): Promise<unknown> {
  const argument = argumentObject(rawArgument, SHOW_SESSION_PARTICIPANT);
  let sessionId: string | undefined;
  let participantId: string | undefined;
  let filters: StatsFilter[] | undefined;
  let includePeerEvents: boolean | undefined;
  if (argument) {
    sessionId = requiredString(argument, 'sessionId', SHOW_SESSION_PARTICIPANT);
    participantId = requiredString(argument, 'participantId', SHOW_SESSION_PARTICIPANT);
    filters = optionalFilters(argument, SHOW_SESSION_PARTICIPANT);
    includePeerEvents = optionalBoolean(argument, 'includePeerEvents', SHOW_SESSION_PARTICIPANT);
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
  return inspect(services, 'Fetching RealtimeKit session participant…', { kind: 'sessionParticipant', ...scope, ...ids, filters, includePeerEvents: includePeerEvents ?? true });
}

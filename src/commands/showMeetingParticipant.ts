/** realtimekit.showMeetingParticipant: GET /meetings/{meeting_id}/participants/{participant_id}. */
import { argumentObject, requiredString } from './arguments';
import { inspect } from './inspect';
import { askForId } from './prompts';
import { resolveScope } from './scope';
import type { Services } from './services';

export const SHOW_MEETING_PARTICIPANT = 'realtimekit.showMeetingParticipant';
const TITLE = 'RealtimeKit: Show Meeting Participant';

export async function showMeetingParticipant(services: Services, rawArgument?: unknown): Promise<unknown> {
  const argument = argumentObject(rawArgument, SHOW_MEETING_PARTICIPANT);
  let meetingId: string | undefined;
  let participantId: string | undefined;
  if (argument) {
    meetingId = requiredString(argument, 'meetingId', SHOW_MEETING_PARTICIPANT);
    participantId = requiredString(argument, 'participantId', SHOW_MEETING_PARTICIPANT);
  }
  const scope = await resolveScope(services, argument, TITLE);
  if (!scope) return undefined;
  if (!argument) {
    meetingId = await askForId('meeting', services.recent, { title: TITLE, step: 'meeting' });
    if (!meetingId) return undefined;
    participantId = await askForId('meetingParticipant', services.recent, { title: TITLE, step: 'participant' });
    if (!participantId) return undefined;
  }
  const ids = { meetingId: meetingId!, participantId: participantId! };
  return inspect(services, 'Fetching RealtimeKit meeting participant…', { kind: 'meetingParticipant', ...scope, ...ids });
}

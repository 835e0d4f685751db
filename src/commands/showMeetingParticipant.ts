/** realtimekit.showMeetingParticipant: GET /meetings/{meeting_id}/participants/{participant_id}. */
import type { CommandId } from '../common/commands';
import { argumentObject, requiredString } from './support/arguments';
import { showInspection } from './support/showInspection';
import { askForId } from './support/prompts';
import { resolveScope } from './support/scope';
import type { CommandDefinition } from './support/commandDefinition';
import type { Services } from './support/services';

const COMMAND = 'realtimekit.showMeetingParticipant' satisfies CommandId;
const TITLE = 'RealtimeKit: Show Meeting Participant';

async function showMeetingParticipant(services: Services, rawArgument?: unknown): Promise<unknown> {
  const argument = argumentObject(rawArgument, COMMAND);
  let meetingId: string | undefined;
  let participantId: string | undefined;
  if (argument) {
    meetingId = requiredString(argument, 'meetingId', COMMAND);
    participantId = requiredString(argument, 'participantId', COMMAND);
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
  return showInspection(services, 'Fetching RealtimeKit meeting participant…', { kind: 'meetingParticipant', ...scope, ...ids });
}

export const showMeetingParticipantCommand: CommandDefinition = { id: COMMAND, run: showMeetingParticipant };

/** The command call that fetches and shows a target again (Refresh, Retry, a restored panel, a link). */
import { call, type CommandCall } from '../common/commands';
import type { InspectionTarget } from './inspectionTarget';

export function reopenCommand(target: InspectionTarget): CommandCall {
  const scope = { accountId: target.accountId, appId: target.appId };
  switch (target.kind) {
    case 'session':
      return call('realtimekit.openSession', { ...scope, sessionId: target.sessionId });
    case 'sessionParticipant':
      return call('realtimekit.showSessionParticipant', {
        ...scope,
        sessionId: target.sessionId,
        participantId: target.participantId,
        filters: target.filters,
        includePeerEvents: target.includePeerEvents,
      });
    case 'peer':
      return call('realtimekit.showPeerReport', { ...scope, peerId: target.peerId, filters: target.filters });
    case 'meetingParticipant':
      return call('realtimekit.showMeetingParticipant', { ...scope, meetingId: target.meetingId, participantId: target.participantId });
  }
}

/**
 * Sessions for benchmarks: 100 participants with two peers each, a 2,345-person webinar, and two
 * soak-test sessions whose lone participant has very long series (sampled every second; built on
 * request, never cached, see callStats.ts).
 */
import { DEVICE, LOCATION } from './profiles';
import { CLEAN_SCENARIO, customId } from './scenarios';
import { scaleSeeds, type ScaleKey } from './stories';
import type { MeetingRecord, ParticipantRecord, SessionPlan, SessionRecord } from './world';
import { DAY, MINUTE, SECOND, WORLD_NOW } from './worldTime';

export function scaleSessionPlans(): SessionPlan[] {
  return [
    {
      role: 'hundred',
      meetingTitle: 'Engineering All Hands',
      generation: 'current',
      id: scaleSeeds.session('hundred').uuid(),
      startedMinutesAgo: 3 * 24 * 60 + 130,
      durationMinutes: 45,
      participantCount: 100,
      peersPerParticipant: 2,
    },
    {
      role: 'crowd',
      meetingTitle: 'Developer Community Webinar',
      generation: 'current',
      id: scaleSeeds.session('crowd').uuid(),
      startedMinutesAgo: 2 * 24 * 60 + 200,
      durationMinutes: 58,
      participantCount: 2_345,
    },
  ];
}

const SOAK_INTERVAL_MS = SECOND;
const RECONNECT_GAP_MS = 30 * SECOND;

function soakSession(
  key: Extract<ScaleKey, 'heavy' | 'veryHeavy'>,
  startedAt: number,
  peerCount: number,
  samplesPerPeer: number,
  meeting: MeetingRecord,
): SessionRecord {
  const session: SessionRecord = {
    id: scaleSeeds.session(key).uuid(),
    role: key,
    generation: 'current',
    viewType: 'GROUP_CALL',
    meeting,
    status: 'ENDED',
    startedAt,
    asOf: WORLD_NOW,
    sampleIntervalMs: SOAK_INTERVAL_MS,
    participants: [],
  };
  const rng = scaleSeeds.participant(key, 0);
  const participant: ParticipantRecord = {
    id: rng.uuid(),
    userId: rng.uuid(),
    customParticipantId: customId(rng),
    displayName: key === 'heavy' ? 'Soak Bot (3 peers)' : 'Soak Bot (one long peer)',
    presetName: 'group_call_host',
    joinedAt: startedAt + 5 * SECOND,
    session,
    peers: [],
    deviceIndex: DEVICE.chromeMac,
    locationIndex: LOCATION.berlin,
  };
  let cursor = participant.joinedAt;
  for (let index = 0; index < peerCount; index++) {
    const ids = scaleSeeds.peer(key, 0, index);
    const joinedAt = cursor + 2 * SECOND;
    // Exactly `samplesPerPeer` samples per series: the series runs [joinedAt, leftAt) at one per second.
    const leftAt = joinedAt + samplesPerPeer * SOAK_INTERVAL_MS;
    participant.peers.push({
      id: ids.uuid(),
      socketSessionId: ids.uuid(),
      participant,
      index,
      createdAt: cursor,
      joinedAt,
      leftAt,
      scenario: { ...CLEAN_SCENARIO, lossBursts: true, jitterSpikes: true },
    });
    cursor = leftAt + RECONNECT_GAP_MS;
  }
  participant.leftAt = participant.peers[participant.peers.length - 1].leftAt;
  session.endedAt = (participant.leftAt ?? startedAt) + 10 * SECOND;
  session.participants.push(participant);
  return session;
}

export function soakSessions(meetingTitled: (title: SessionPlan['meetingTitle']) => MeetingRecord): SessionRecord[] {
  const meeting = meetingTitled('Support Hotline Soak Test');
  return [
    soakSession('heavy', WORLD_NOW - 4 * DAY + 17 * MINUTE, 3, 20_000, meeting),
    soakSession('veryHeavy', WORLD_NOW - 6 * DAY + 41 * MINUTE, 1, 100_000, meeting),
  ];
}

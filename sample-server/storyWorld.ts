/** Builds the story and attribution sessions, in both generations, from their scripts. */
import { CLEAN_SCENARIO, customId } from './scenarios';
import { storySeeds } from './stories';
import { STORY_SCRIPTS, type MinuteWindow, type StoryKey, type StoryPerson, type StoryPeerScript, type StoryScript } from './storyScripts';
import { type Generation, type MeetingRecord, type ParticipantRecord, type PeerStory, type SessionRecord, type SessionPlan } from './world';
import { DEFAULT_SAMPLE_INTERVAL_MS, MINUTE, WORLD_NOW } from './worldTime';

/** How long after a peer is created its media starts flowing. */
const JOIN_DELAY_MS = 1_500;

function buildParticipant(story: StoryKey, session: SessionRecord, person: StoryPerson, duration: number): ParticipantRecord {
  const at = (minute: number) => session.startedAt + Math.round(minute * MINUTE);
  const windows = (list: readonly MinuteWindow[] | undefined) => (list ?? []).map(([from, to]) => [at(from), at(to)] as const);
  const rng = storySeeds.participant(story, session.generation, person.key);
  const lastPeer = person.peers[person.peers.length - 1];
  const participant: ParticipantRecord = {
    id: rng.uuid(),
    userId: rng.uuid(),
    customParticipantId: customId(rng),
    displayName: person.name,
    presetName: person.host ? 'group_call_host' : 'group_call_participant',
    joinedAt: at(person.peers[0].from),
    leftAt: at(lastPeer.to ?? duration),
    session,
    peers: [],
    deviceIndex: person.device,
    locationIndex: person.location,
    statsFailure: person.statsFail ? (session.generation === 'current' ? 500 : 404) : undefined,
  };
  person.peers.forEach((script: StoryPeerScript, index) => {
    const ids = storySeeds.peer(story, session.generation, person.key, index);
    const peerStory: PeerStory = {
      uplinkLoss: windows(script.uplinkLoss),
      uplinkLossPct: script.uplinkLossPct ?? [8, 15],
      downlinkLoss: windows(script.downlinkLoss),
      sendJitter: windows(script.sendJitter),
      cpuLimited: windows(script.cpuLimited),
      extraRttMs: script.extraRttMs ?? 0,
      noProducerSamples: script.noProducerSamples ?? false,
      consumersWithoutProducerId: script.consumersWithoutProducerId ?? false,
    };
    participant.peers.push({
      id: ids.uuid(),
      socketSessionId: ids.uuid(),
      participant,
      index,
      createdAt: at(script.from),
      joinedAt: at(script.from) + JOIN_DELAY_MS,
      leftAt: at(script.to ?? duration),
      scenario: {
        ...CLEAN_SCENARIO,
        lossBursts: peerStory.uplinkLoss.length > 0,
        jitterSpikes: peerStory.sendJitter.length > 0,
        cpuLimited: peerStory.cpuLimited.length > 0,
        relayOnly: script.relayOnly ?? false,
        screenshare: script.screenshare ?? false,
      },
      story: peerStory,
    });
  });
  return participant;
}

function buildStory(story: StoryKey, script: StoryScript, generation: Generation, meeting: MeetingRecord): SessionRecord {
  const startedAt = script.startedAt[generation];
  const session: SessionRecord = {
    id: storySeeds.session(story, generation).uuid(),
    role: story,
    generation,
    viewType: 'GROUP_CALL',
    meeting,
    status: 'ENDED',
    startedAt,
    endedAt: startedAt + script.durationMinutes * MINUTE,
    asOf: WORLD_NOW,
    sampleIntervalMs: DEFAULT_SAMPLE_INTERVAL_MS,
    participants: [],
  };
  session.participants = script.people
    .map((person) => buildParticipant(story, session, person, script.durationMinutes))
    .sort((a, b) => a.joinedAt - b.joinedAt);
  return session;
}

export function storySessions(meetingTitled: (title: SessionPlan['meetingTitle']) => MeetingRecord): SessionRecord[] {
  return (['current', 'legacy'] as const).flatMap((generation) =>
    (Object.keys(STORY_SCRIPTS) as StoryKey[]).map((story) => {
      const script: StoryScript = STORY_SCRIPTS[story];
      return buildStory(story, script, generation, meetingTitled(script.meetingTitle));
    }),
  );
}

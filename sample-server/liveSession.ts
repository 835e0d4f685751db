/**
 * The LIVE session that moves with server uptime: at step n (n whole step lengths since the server
 * started) n people have joined after the opening crowd, and every third joiner leaves two steps after
 * arriving. Everything else is seeded, so a step always looks the same; only which step it is depends
 * on the clock.
 */
import { FIRST_NAMES, LAST_NAMES, LOCATIONS, DEVICES } from './profiles';
import { customId, randomScenario } from './scenarios';
import { liveSeeds } from './stories';
import { type Generation, type MeetingRecord, type ParticipantRecord, type SessionRecord } from './world';
import { DEFAULT_SAMPLE_INTERVAL_MS, MINUTE, SECOND, WORLD_NOW } from './worldTime';

export const LIVE_MEETING_TITLE = 'Live Town Hall Q&A';
/** The real time between steps, unless the server is told otherwise. */
export const DEFAULT_LIVE_STEP_MS = 20_000;
/** How far the session's own clock moves per step, whatever the real step length (tests use short ones). */
const WORLD_STEP_MS = 20 * SECOND;
/** Four hours of 20-second steps; after that the session stops changing, to bound memory. */
const MAX_STEPS = 720;
const OPENING_CROWD = 5;
const STARTED_AT = WORLD_NOW - 47 * MINUTE;
/** Leavers are spread out: the second opener, then every third joiner. */
const LEAVES_AFTER_STEPS = 2;

/** When participant `index` joins and (if ever) leaves, fixed whatever the step. */
function timeline(index: number, offsetMs: number): { joinedAt: number; leftAt?: number } {
  if (index < OPENING_CROWD) {
    const joinedAt = STARTED_AT + index * 3 * MINUTE + offsetMs;
    return { joinedAt, leftAt: index === 1 ? WORLD_NOW + LEAVES_AFTER_STEPS * WORLD_STEP_MS + 5 * SECOND : undefined };
  }
  const joiner = index - OPENING_CROWD + 1;
  const joinedAt = WORLD_NOW + (joiner - 1) * WORLD_STEP_MS + (offsetMs % (15 * SECOND));
  return { joinedAt, leftAt: joiner % 3 === 0 ? joinedAt + LEAVES_AFTER_STEPS * WORLD_STEP_MS : undefined };
}

function buildParticipant(session: SessionRecord, index: number): ParticipantRecord {
  const rng = liveSeeds.participant(session.generation, index);
  const { joinedAt, leftAt } = timeline(index, rng.int(1, 50) * SECOND);
  const gone = leftAt !== undefined && leftAt <= session.asOf ? leftAt : undefined;
  const participant: ParticipantRecord = {
    id: rng.uuid(),
    userId: rng.uuid(),
    customParticipantId: customId(rng),
    displayName: `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`,
    presetName: index === 0 ? 'group_call_host' : 'group_call_participant',
    joinedAt,
    leftAt: gone,
    session,
    peers: [],
    deviceIndex: rng.int(0, DEVICES.length - 1),
    locationIndex: rng.int(0, LOCATIONS.length - 1),
  };
  const ids = liveSeeds.peer(session.generation, index);
  participant.peers.push({
    id: ids.uuid(),
    socketSessionId: ids.uuid(),
    participant,
    index: 0,
    createdAt: joinedAt,
    joinedAt: joinedAt + ids.int(800, 3_500),
    leftAt: gone,
    scenario: randomScenario(rng, index === 0),
  });
  return participant;
}

const SNAPSHOTS_KEPT = 8;
const snapshots = new Map<string, SessionRecord>();

/** The LIVE session as it stands after `steps` steps (memoised: every request in a step shares one record). */
export function liveSessionAt(meeting: MeetingRecord, generation: Generation, steps: number): SessionRecord {
  const step = Math.min(MAX_STEPS, Math.max(0, Math.floor(steps)));
  const key = `${generation}:${step}`;
  const known = snapshots.get(key);
  if (known) return known;
  const session: SessionRecord = {
    id: liveSeeds.session(generation).uuid(),
    role: 'live',
    generation,
    viewType: 'GROUP_CALL',
    meeting,
    status: 'LIVE',
    startedAt: STARTED_AT,
    asOf: WORLD_NOW + step * WORLD_STEP_MS,
    sampleIntervalMs: DEFAULT_SAMPLE_INTERVAL_MS,
    participants: [],
  };
  for (let index = 0; index < OPENING_CROWD + step; index++) session.participants.push(buildParticipant(session, index));
  snapshots.set(key, session);
  if (snapshots.size > SNAPSHOTS_KEPT) snapshots.delete(snapshots.keys().next().value as string);
  return session;
}

/**
 * The sample world as light records: apps, meetings, sessions, participants and peers.
 * Built once on first use (about 10,000 participants); heavy call statistics live in callStats.ts.
 */
import { SAMPLE_APP_ID, STAGING_APP_ID } from './identity';
import { LIVE_MEETING_TITLE, liveSessionAt } from './liveSession';
import { DEVICE, DEVICES, FIRST_NAMES, LAST_NAMES, LOCATIONS, MEETING_TITLES, STORY_MEETING_TITLES } from './profiles';
import { Rng } from './random';
import { CLEAN_SCENARIO, customId, randomScenario } from './scenarios';
import { scaleSessionPlans, soakSessions } from './scaleSessions';
import { storySessions } from './storyWorld';
import { DEFAULT_SAMPLE_INTERVAL_MS, HOUR, MINUTE, WORLD_NOW } from './worldTime';

export { WORLD_NOW } from './worldTime';

export type Generation = 'legacy' | 'current';
export type SessionRole =
  'current' | 'legacy' | 'large' | 'huge' | 'regular' | 'story' | 'attribution' | 'live' | 'hundred' | 'crowd' | 'heavy' | 'veryHeavy';
export type ViewType = 'GROUP_CALL' | 'WEBINAR';

export interface PeerScenario {
  lossBursts: boolean;
  jitterSpikes: boolean;
  cpuLimited: boolean;
  bandwidthLimited: boolean;
  relayOnly: boolean;
  turnFails: boolean;
  deviceChange: boolean;
  screenshare: boolean;
}

/** [start, end) in epoch milliseconds. */
export type TimeWindow = readonly [number, number];

/**
 * What a scripted (story) peer goes through, at exact times. Conditions are functions of time, so a
 * sender's own samples and every receiver's samples of its producers agree (storyConditions.ts).
 */
export interface PeerStory {
  /** Loss on what this peer sends: its producer samples and everyone's consumer samples of them. */
  uplinkLoss: TimeWindow[];
  /** Loss percent range inside uplinkLoss windows. */
  uplinkLossPct: readonly [number, number];
  /** Loss on what this peer receives, from every sender. */
  downlinkLoss: TimeWindow[];
  /** Jitter on what this peer sends. */
  sendJitter: TimeWindow[];
  cpuLimited: TimeWindow[];
  extraRttMs: number;
  /** The peer report carries no producer (send-side) samples. */
  noProducerSamples: boolean;
  /** Consumer samples name only the sender's peer_id, as an older SDK did. */
  consumersWithoutProducerId: boolean;
}

export interface PeerRecord {
  id: string;
  socketSessionId: string;
  participant: ParticipantRecord;
  /** 0 for the first connection, 1 after the first reconnect, and so on. */
  index: number;
  createdAt: number;
  joinedAt: number;
  leftAt?: number;
  scenario: PeerScenario;
  story?: PeerStory;
  /** Set when its report was re-issued (POST /__control/revision): its random parts are drawn anew. */
  revision?: number;
}

export interface ParticipantRecord {
  id: string;
  userId: string;
  customParticipantId: string;
  displayName: string;
  presetName: string;
  joinedAt: number;
  /** Absent while the participant is still in a LIVE session. */
  leftAt?: number;
  session: SessionRecord;
  peers: PeerRecord[];
  deviceIndex: number;
  locationIndex: number;
  /** The participant's statistics cannot be read: its details (legacy) and peer reports answer this status. */
  statsFailure?: 404 | 500;
}

export interface MeetingPerson {
  id: string;
  name: string;
  customParticipantId: string;
  presetName: string;
  picture?: string;
  createdAt: number;
}

export interface MeetingRecord {
  id: string;
  title: string;
  status: 'ACTIVE' | 'INACTIVE';
  createdAt: number;
  updatedAt: number;
  recordOnStart: boolean;
  people: MeetingPerson[];
}

export interface SessionRecord {
  id: string;
  role: SessionRole;
  generation: Generation;
  viewType: ViewType;
  meeting: MeetingRecord;
  status: 'LIVE' | 'ENDED';
  startedAt: number;
  endedAt?: number;
  /** The moment the record describes: WORLD_NOW, or later for a LIVE session that advances with uptime. */
  asOf: number;
  /** Call statistics sample interval. */
  sampleIntervalMs: number;
  /** In join order. */
  participants: ParticipantRecord[];
}

export interface AppRecord {
  id: string;
  name: string;
  createdAt: number;
}

export interface World {
  apps: AppRecord[];
  meetings: MeetingRecord[];
  /** Newest first. */
  sessions: SessionRecord[];
  sessionsById: Map<string, SessionRecord>;
  meetingsById: Map<string, MeetingRecord>;
  peersById: Map<string, PeerRecord>;
}

/** A participant written out by hand, for the sessions the catalog points at. */
interface ScriptedParticipant {
  device: number;
  /** A fixed name; one is hostile markup, to prove the product renders API text as text. */
  displayName?: string;
  host?: boolean;
  /** Minutes after the session start. */
  joinMinute: number;
  /** Minutes after the session start; absent = still in the (LIVE) session. */
  leaveMinute?: number;
  peers: Partial<PeerScenario>[];
}

export const HOSTILE_DISPLAY_NAME = '<img src=x onerror="document.title=\'pwned\'"> **Eve** & <script>alert(1)</script>';

const CURRENT_SESSION_SCRIPT: ScriptedParticipant[] = [
  { device: DEVICE.chromeMac, host: true, joinMinute: 0, leaveMinute: 39, peers: [{ screenshare: true }] },
  // The troubled participant: a struggling laptop that reconnects, then falls back to TURN relay.
  {
    device: DEVICE.chromeWindows,
    joinMinute: 1,
    leaveMinute: 36,
    peers: [
      { lossBursts: true, jitterSpikes: true, cpuLimited: true },
      { relayOnly: true, bandwidthLimited: true },
    ],
  },
  { device: DEVICE.safariIphone, joinMinute: 2, peers: [{ deviceChange: true }] },
  { device: DEVICE.firefoxLinux, joinMinute: 3, leaveMinute: 30, peers: [{ turnFails: true, jitterSpikes: true }] },
  { device: DEVICE.chromeAndroid, joinMinute: 5, leaveMinute: 33, peers: [{ bandwidthLimited: true }, { lossBursts: true }, {}] },
  { device: DEVICE.chromeWindows, joinMinute: 9, peers: [{}] },
];

const LEGACY_SESSION_SCRIPT: ScriptedParticipant[] = [
  { device: DEVICE.chromeMac, host: true, joinMinute: 0, leaveMinute: 42, peers: [{ screenshare: true }] },
  { device: DEVICE.firefoxLinux, joinMinute: 1, leaveMinute: 40, peers: [{ lossBursts: true, jitterSpikes: true }, { cpuLimited: true }] },
  { device: DEVICE.safariIphone, joinMinute: 4, leaveMinute: 31, peers: [{ deviceChange: true, bandwidthLimited: true }] },
  {
    device: DEVICE.chromeWindows,
    joinMinute: 6,
    leaveMinute: 41,
    peers: [{ turnFails: true, relayOnly: true }],
    displayName: HOSTILE_DISPLAY_NAME,
  },
];

export interface SessionPlan {
  role: SessionRole;
  meetingTitle: (typeof MEETING_TITLES)[number] | (typeof STORY_MEETING_TITLES)[number];
  generation: Generation;
  /** Minutes before WORLD_NOW. */
  startedMinutesAgo: number;
  durationMinutes?: number; // absent = LIVE
  participantCount: number;
  script?: ScriptedParticipant[];
  /** A fixed session ID (sessions added later), instead of one drawn from the session's stream. */
  id?: string;
  /** Every participant gets this many peers (reconnects) instead of a random count. */
  peersPerParticipant?: number;
}

const WEBINAR_ROLES: ReadonlySet<SessionRole> = new Set(['large', 'huge', 'crowd']);

const SESSION_COUNT = 30;

function planSessions(): SessionPlan[] {
  const rng = new Rng('session-plans');
  const plans: SessionPlan[] = [];
  for (let i = 0; i < SESSION_COUNT; i++) {
    // Older sessions were recorded with the older response shapes; a few exceptions keep them mixed.
    const legacy = (i >= 16 && i !== 24 && i !== 27) || i === 13;
    const startedMinutesAgo = i * 22 * 60 + rng.int(180, 300);
    const durationMinutes = rng.int(14, 55);
    plans.push({
      role: 'regular',
      meetingTitle: rng.pick(MEETING_TITLES.filter((title) => title !== 'Quarterly All Hands' && title !== 'Product Launch Webinar')),
      generation: legacy ? 'legacy' : 'current',
      startedMinutesAgo,
      durationMinutes,
      participantCount: rng.int(2, 10),
    });
  }
  // Started before the story session, which the demo lands on as the newest session.
  plans[0] = { ...plans[0], meetingTitle: 'Daily Standup', startedMinutesAgo: 52, durationMinutes: undefined };
  plans[1] = {
    ...plans[1],
    role: 'current',
    meetingTitle: 'Design Review',
    startedMinutesAgo: 41,
    durationMinutes: undefined,
    participantCount: 6,
    script: CURRENT_SESSION_SCRIPT,
  };
  plans[3] = { ...plans[3], meetingTitle: 'Office Hours', startedMinutesAgo: 95, durationMinutes: undefined };
  plans[5] = { ...plans[5], role: 'large', meetingTitle: 'Quarterly All Hands', durationMinutes: 62, participantCount: 1_650 };
  plans[9] = { ...plans[9], role: 'huge', meetingTitle: 'Product Launch Webinar', durationMinutes: 48, participantCount: 5_000 };
  plans[20] = {
    ...plans[20],
    role: 'legacy',
    meetingTitle: 'Design Review',
    generation: 'legacy',
    durationMinutes: 44,
    participantCount: 4,
    script: LEGACY_SESSION_SCRIPT,
  };
  return [...plans, ...scaleSessionPlans()];
}

function buildMeetings(): MeetingRecord[] {
  return [...MEETING_TITLES, ...STORY_MEETING_TITLES].map((title, index) => {
    const rng = new Rng(`meeting:${title}`);
    const createdAt = WORLD_NOW - rng.int(40, 200) * 24 * HOUR - rng.int(0, 600) * MINUTE;
    const people: MeetingPerson[] = [];
    const peopleCount = 12;
    for (let p = 0; p < peopleCount; p++) {
      people.push({
        id: rng.uuid(),
        name: `${FIRST_NAMES[(index * 7 + p * 5) % FIRST_NAMES.length]} ${rng.pick(LAST_NAMES)}`,
        customParticipantId: customId(rng),
        presetName: p === 0 ? 'group_call_host' : 'group_call_participant',
        picture: rng.chance(0.5) ? `https://avatars.example.com/${rng.hex(12)}.png` : undefined,
        createdAt: createdAt + rng.int(1, 600) * MINUTE,
      });
    }
    return {
      id: rng.uuid(),
      title,
      status: index % 4 === 3 ? 'INACTIVE' : 'ACTIVE',
      createdAt,
      updatedAt: createdAt + rng.int(1, 30) * 24 * HOUR,
      recordOnStart: rng.chance(0.3),
      people,
    };
  });
}

/** Splits [joinedAt, leftAt] into one slice per peer, with a short gap at each reconnect. */
function buildPeers(rng: Rng, participant: ParticipantRecord, scenarios: PeerScenario[]): void {
  const end = participant.leftAt ?? participant.session.asOf;
  const span = end - participant.joinedAt;
  let cursor = participant.joinedAt;
  scenarios.forEach((scenario, index) => {
    const last = index === scenarios.length - 1;
    const sliceEnd = last ? participant.leftAt : cursor + Math.round((span / scenarios.length) * rng.between(0.8, 1.1));
    const createdAt = cursor;
    participant.peers.push({
      id: rng.uuid(),
      socketSessionId: rng.uuid(),
      participant,
      index,
      createdAt,
      joinedAt: createdAt + rng.int(800, 3500),
      leftAt: sliceEnd,
      scenario,
    });
    if (sliceEnd !== undefined) cursor = sliceEnd + rng.int(2_000, 20_000);
  });
}

function buildSession(plan: SessionPlan, index: number, meetings: MeetingRecord[]): SessionRecord {
  const rng = new Rng(`session:${index}`);
  const meeting = meetings.find((m) => m.title === plan.meetingTitle) ?? meetings[0];
  const startedAt = WORLD_NOW - plan.startedMinutesAgo * MINUTE - rng.int(0, 59) * 1000;
  const endedAt = plan.durationMinutes === undefined ? undefined : startedAt + plan.durationMinutes * MINUTE + rng.int(0, 59) * 1000;
  const webinar = WEBINAR_ROLES.has(plan.role);
  const session: SessionRecord = {
    id: plan.id ?? rng.uuid(),
    role: plan.role,
    generation: plan.generation,
    viewType: webinar ? 'WEBINAR' : 'GROUP_CALL',
    meeting,
    status: endedAt === undefined ? 'LIVE' : 'ENDED',
    startedAt,
    endedAt,
    asOf: WORLD_NOW,
    sampleIntervalMs: DEFAULT_SAMPLE_INTERVAL_MS,
    participants: [],
  };
  const sessionEnd = endedAt ?? WORLD_NOW;
  const sessionMinutes = (sessionEnd - startedAt) / MINUTE;
  for (let p = 0; p < plan.participantCount; p++) {
    const script = plan.script?.[p];
    const fromPool = !webinar && p < meeting.people.length;
    const person = fromPool ? meeting.people[(p + index) % meeting.people.length] : undefined;
    const host = script?.host ?? p === 0;
    let joinedAt: number;
    let leftAt: number | undefined;
    if (script) {
      joinedAt = startedAt + script.joinMinute * MINUTE + rng.int(1, 50) * 1000;
      leftAt = script.leaveMinute === undefined ? undefined : startedAt + script.leaveMinute * MINUTE + rng.int(1, 50) * 1000;
    } else {
      // Webinar audiences trickle in over the first ten minutes; a fifth of everyone leaves early.
      joinedAt = startedAt + rng.int(1, webinar ? 600 : 180) * 1000;
      const stays = !rng.chance(0.2);
      leftAt = stays ? sessionEnd - rng.int(0, 120) * 1000 : joinedAt + rng.between(0.1, 0.8) * (sessionEnd - joinedAt);
      leftAt = Math.max(joinedAt + MINUTE, Math.round(leftAt));
      if (session.status === 'LIVE' && stays && rng.chance(0.7)) leftAt = undefined;
    }
    const participant: ParticipantRecord = {
      id: rng.uuid(),
      userId: person?.id ?? rng.uuid(),
      customParticipantId: person?.customParticipantId ?? customId(rng),
      displayName: script?.displayName ?? person?.name ?? `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`,
      presetName: webinar ? (host ? 'webinar_presenter' : 'webinar_viewer') : host ? 'group_call_host' : 'group_call_participant',
      joinedAt,
      leftAt,
      session,
      peers: [],
      deviceIndex: script?.device ?? rng.int(0, DEVICES.length - 1),
      locationIndex: rng.int(0, LOCATIONS.length - 1),
    };
    const reconnectRoll = rng.float();
    const peerCount = plan.peersPerParticipant ?? (sessionMinutes < 5 ? 1 : reconnectRoll < 0.8 ? 1 : reconnectRoll < 0.95 ? 2 : 3);
    const scenarios = script
      ? script.peers.map((overrides) => ({ ...CLEAN_SCENARIO, ...overrides }))
      : Array.from({ length: peerCount }, () => randomScenario(rng, host));
    buildPeers(rng, participant, scenarios);
    session.participants.push(participant);
  }
  session.participants.sort((a, b) => a.joinedAt - b.joinedAt);
  return session;
}

function buildWorld(): World {
  const apps: AppRecord[] = [
    { id: SAMPLE_APP_ID, name: 'inspector-demo', createdAt: Date.parse('2025-06-02T10:14:31.512Z') },
    { id: STAGING_APP_ID, name: 'inspector-staging', createdAt: Date.parse('2025-09-18T16:40:07.093Z') },
  ];
  const meetings = buildMeetings();
  const meetingTitled = (title: SessionPlan['meetingTitle']) => meetings.find((m) => m.title === title) ?? meetings[0];
  const liveMeeting = meetingTitled(LIVE_MEETING_TITLE);
  const sessions = [
    ...planSessions().map((plan, index) => buildSession(plan, index, meetings)),
    ...storySessions(meetingTitled),
    ...soakSessions(meetingTitled),
    // Step 0 stands in for the LIVE sessions in listings; routes swap in the step the server is at.
    liveSessionAt(liveMeeting, 'current', 0),
    liveSessionAt(liveMeeting, 'legacy', 0),
  ].sort((a, b) => b.startedAt - a.startedAt);
  const peersById = new Map<string, PeerRecord>();
  for (const session of sessions) {
    if (session.role === 'live') continue; // their peers change with uptime: found through liveSessionAt
    for (const participant of session.participants) {
      for (const peer of participant.peers) peersById.set(peer.id, peer);
    }
  }
  return {
    apps,
    meetings,
    sessions,
    sessionsById: new Map(sessions.map((s) => [s.id, s])),
    meetingsById: new Map(meetings.map((m) => [m.id, m])),
    peersById,
  };
}

let cachedWorld: World | undefined;

export function getWorld(): World {
  cachedWorld ??= buildWorld();
  return cachedWorld;
}

export function sessionByRole(role: Exclude<SessionRole, 'regular'>, generation?: Generation): SessionRecord {
  const session = getWorld().sessions.find((s) => s.role === role && (!generation || s.generation === generation));
  if (!session) throw new Error(`The sample world has no ${generation ?? ''} ${role} session`);
  return session;
}

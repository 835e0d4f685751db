/**
 * Who was in each story session, when, and what went wrong for whom. Times are minutes after the
 * session start; both generations replay the same script (the legacy one cannot name senders).
 */
import { DEVICE, LOCATION, type STORY_MEETING_TITLES } from './profiles';
import type { Generation } from './world';
import { DAY, MINUTE, WORLD_NOW } from './worldTime';

/** [from, to) in minutes after the session start. */
export type MinuteWindow = readonly [number, number];

export interface StoryPeerScript {
  from: number;
  /** Absent = until the session ends. */
  to?: number;
  relayOnly?: boolean;
  screenshare?: boolean;
  uplinkLoss?: readonly MinuteWindow[];
  uplinkLossPct?: readonly [number, number];
  downlinkLoss?: readonly MinuteWindow[];
  sendJitter?: readonly MinuteWindow[];
  cpuLimited?: readonly MinuteWindow[];
  extraRttMs?: number;
  noProducerSamples?: boolean;
  consumersWithoutProducerId?: boolean;
}

export interface StoryPerson {
  key: string;
  name: string;
  device: number;
  location: number;
  host?: boolean;
  /** Its statistics cannot be read: 500 every time (current), 404 "peer report not found" (legacy). */
  statsFail?: boolean;
  peers: readonly StoryPeerScript[];
}

export interface StoryScript {
  meetingTitle: (typeof STORY_MEETING_TITLES)[number];
  startedAt: Record<Generation, number>;
  durationMinutes: number;
  people: readonly StoryPerson[];
}

/**
 * A weekly call where a few people are clearly in trouble, each for a recognisable reason, and two of
 * them spoil it for everyone: all receive Tomasz's lossy uplink and Dana's CPU-starved camera, so the
 * overview's verdict line leads with them.
 */
export const WEEKLY_SYNC = {
  meetingTitle: 'Weekly Product Sync',
  // The current one ended two minutes before "now": the newest session, where the demo lands.
  startedAt: { current: WORLD_NOW - 34 * MINUTE, legacy: WORLD_NOW - 7 * DAY - 34 * MINUTE },
  durationMinutes: 32,
  people: [
    {
      key: 'priya',
      name: 'Priya Raman',
      device: DEVICE.chromeMac,
      location: LOCATION.london,
      host: true,
      peers: [{ from: 0, screenshare: true }],
    },
    { key: 'marcus', name: 'Marcus Chen', device: DEVICE.safariMac, location: LOCATION.sanFrancisco, peers: [{ from: 0.5 }] },
    { key: 'sofia', name: 'Sofia García', device: DEVICE.firefoxWindows, location: LOCATION.berlin, peers: [{ from: 1 }] },
    { key: 'liam', name: "Liam O'Brien", device: DEVICE.firefoxLinux, location: LOCATION.london, peers: [{ from: 1.5, to: 30 }] },
    { key: 'noah', name: 'Noah Kim', device: DEVICE.safariIphone, location: LOCATION.tokyo, peers: [{ from: 2 }] },
    // Sustained uplink loss: a saturated home Wi-Fi upstream for most of the call.
    {
      key: 'tomasz',
      name: 'Tomasz Kowalski',
      device: DEVICE.chromeMac,
      location: LOCATION.berlin,
      peers: [{ from: 0.75, uplinkLoss: [[6, 27]], uplinkLossPct: [6, 12] }],
    },
    // A four-core laptop whose camera encoder runs out of CPU: fps sinks to 8, resolution to 360p.
    {
      key: 'dana',
      name: 'Dana Whitfield',
      device: DEVICE.chromeWindows,
      location: LOCATION.london,
      peers: [{ from: 1.25, cpuLimited: [[5, 28]] }],
    },
    // A corporate firewall: no reflexive candidates, every packet through the TURN relay.
    {
      key: 'kenji',
      name: 'Kenji Tanaka',
      device: DEVICE.firefoxWindows,
      location: LOCATION.tokyo,
      peers: [{ from: 2.5, relayOnly: true }],
    },
    // Far from the SFU region: round trips around 360 ms.
    { key: 'amara', name: 'Amara Okafor', device: DEVICE.chromeMac, location: LOCATION.lagos, peers: [{ from: 3, extraRttMs: 240 }] },
    // Wi-Fi drops twice: three peers with gaps between them.
    {
      key: 'mateo',
      name: 'Mateo Silva',
      device: DEVICE.safariIphone,
      location: LOCATION.saoPaulo,
      peers: [{ from: 2, to: 11 }, { from: 11.4, to: 21 }, { from: 21.6 }],
    },
    { key: 'jordan', name: 'Jordan Lee', device: DEVICE.chromeMac, location: LOCATION.sanFrancisco, statsFail: true, peers: [{ from: 4 }] },
  ],
} as const satisfies StoryScript;

/**
 * Who affected whom, at 10:00-10:20: Sam's uplink loss (10:03-10:05) reaches Nina, Omar and Yusuf
 * (whose samples name only Sam's peer), the only others in the call then; the rest join at 10:05.
 * Leo's jitter (10:08-10:09) reaches everyone; Chloe's own
 * downlink loses packets from clean senders (10:11-10:13); Hana, who joined after Sam's loss, has her
 * own loss later (10:06-10:07); Grace's receivers all lose packets (10:15-10:17) while her own
 * report has no producer samples at all.
 */
export const ATTRIBUTION = {
  meetingTitle: 'Incident Review: Choppy Audio',
  startedAt: { current: Date.parse('2026-11-19T10:00:00Z'), legacy: Date.parse('2026-11-12T10:00:00Z') },
  durationMinutes: 20,
  people: [
    {
      key: 'sam',
      name: 'Sam Rivera',
      device: DEVICE.chromeMac,
      location: LOCATION.sanFrancisco,
      host: true,
      peers: [{ from: 0.1, uplinkLoss: [[3, 5]], uplinkLossPct: [10, 18] }],
    },
    { key: 'nina', name: 'Nina Park', device: DEVICE.firefoxLinux, location: LOCATION.london, peers: [{ from: 0.3 }] },
    { key: 'omar', name: 'Omar Haddad', device: DEVICE.chromeWindows, location: LOCATION.berlin, peers: [{ from: 0.6 }] },
    {
      key: 'yusuf',
      name: 'Yusuf Ibrahim',
      device: DEVICE.chromeAndroid,
      location: LOCATION.bengaluru,
      peers: [{ from: 1, consumersWithoutProducerId: true }],
    },
    {
      key: 'leo',
      name: 'Leo Martins',
      device: DEVICE.safariMac,
      location: LOCATION.saoPaulo,
      peers: [{ from: 5.2, sendJitter: [[8, 9]] }],
    },
    {
      key: 'grace',
      name: 'Grace Kim',
      device: DEVICE.chromeMac,
      location: LOCATION.tokyo,
      peers: [{ from: 5.3, uplinkLoss: [[15, 17]], uplinkLossPct: [12, 20], noProducerSamples: true }],
    },
    {
      key: 'chloe',
      name: 'Chloe Dubois',
      device: DEVICE.firefoxWindows,
      location: LOCATION.berlin,
      peers: [{ from: 5.4, downlinkLoss: [[11, 13]] }],
    },
    {
      key: 'hana',
      name: 'Hana Sato',
      device: DEVICE.safariIphone,
      location: LOCATION.tokyo,
      peers: [{ from: 5.5, downlinkLoss: [[6, 7]] }],
    },
  ],
} as const satisfies StoryScript;

export const STORY_SCRIPTS = { story: WEEKLY_SYNC, attribution: ATTRIBUTION } as const;
export type StoryKey = keyof typeof STORY_SCRIPTS;

/**
 * Well-known IDs of the story, attribution, LIVE and scale sessions, derived from their seeds without
 * building the world, so tests and the demo can import them as constants.
 */
import { Rng } from './random';
import { STORY_SCRIPTS, type StoryKey, type StoryPerson } from './storyScripts';
import type { Generation } from './world';

export type { StoryKey } from './storyScripts';

export interface StoryParticipantIds {
  id: string;
  displayName: string;
  peerIds: string[];
}

/** Streams the story builder draws IDs from; a participant's first UUID is its ID, a peer's first its ID. */
export const storySeeds = {
  session: (story: StoryKey, generation: Generation) => new Rng(`story-session:${story}:${generation}`),
  participant: (story: StoryKey, generation: Generation, person: string) => new Rng(`story-participant:${story}:${generation}:${person}`),
  peer: (story: StoryKey, generation: Generation, person: string, index: number) =>
    new Rng(`story-peer:${story}:${generation}:${person}:${index}`),
};

export const liveSeeds = {
  session: (generation: Generation) => new Rng(`live-session:${generation}`),
  participant: (generation: Generation, index: number) => new Rng(`live-participant:${generation}:${index}`),
  peer: (generation: Generation, index: number) => new Rng(`live-peer:${generation}:${index}`),
};

export type ScaleKey = 'hundred' | 'crowd' | 'heavy' | 'veryHeavy';
export const scaleSeeds = {
  session: (key: ScaleKey) => new Rng(`scale-session:${key}`),
  participant: (key: ScaleKey, index: number) => new Rng(`scale-participant:${key}:${index}`),
  peer: (key: ScaleKey, index: number, peer: number) => new Rng(`scale-peer:${key}:${index}:${peer}`),
};

const byGeneration = <T>(make: (generation: Generation) => T): Record<Generation, T> => ({
  current: make('current'),
  legacy: make('legacy'),
});

function castIds<P extends StoryPerson>(
  story: StoryKey,
  generation: Generation,
  people: readonly P[],
): Record<P['key'], StoryParticipantIds> {
  const entries = people.map(
    (person) =>
      [
        person.key,
        {
          id: storySeeds.participant(story, generation, person.key).uuid(),
          displayName: person.name,
          peerIds: person.peers.map((_, index) => storySeeds.peer(story, generation, person.key, index).uuid()),
        },
      ] as const,
  );
  return Object.fromEntries(entries) as Record<P['key'], StoryParticipantIds>;
}

/** "Weekly Product Sync": 11 people, a few poor for clear reasons, one reconnecting, one whose statistics fail. */
export const STORY_SESSION_IDS = byGeneration((g) => storySeeds.session('story', g).uuid());
export const STORY_PARTICIPANTS = byGeneration((g) => castIds('story', g, STORY_SCRIPTS.story.people));

/** "Incident Review: Choppy Audio": who affected whom (producer links in the current generation only). */
export const ATTRIBUTION_SESSION_IDS = byGeneration((g) => storySeeds.session('attribution', g).uuid());
export const ATTRIBUTION_PARTICIPANTS = byGeneration((g) => castIds('attribution', g, STORY_SCRIPTS.attribution.people));

/** "Live Town Hall Q&A": LIVE, someone joins every step of server uptime and now and then someone leaves. */
export const LIVE_SESSION_IDS = byGeneration((g) => liveSeeds.session(g).uuid());

/** Current generation: 100 participants with 2 peers each; a 2,345-person webinar; the soak-test sessions. */
export const SCALE_SESSION_IDS = {
  hundredTwoPeers: scaleSeeds.session('hundred').uuid(),
  webinar2345: scaleSeeds.session('crowd').uuid(),
  heavy: scaleSeeds.session('heavy').uuid(),
  veryHeavy: scaleSeeds.session('veryHeavy').uuid(),
} as const;

/** Soak-test participants: 3 peers of 20,000 audio and 20,000 video samples each; one peer of 100,000 per series. */
export const HEAVY_PARTICIPANTS = {
  heavy: {
    id: scaleSeeds.participant('heavy', 0).uuid(),
    peerIds: [0, 1, 2].map((p) => scaleSeeds.peer('heavy', 0, p).uuid()),
    samplesPerSeries: 20_000,
  },
  veryHeavy: {
    id: scaleSeeds.participant('veryHeavy', 0).uuid(),
    peerIds: [scaleSeeds.peer('veryHeavy', 0, 0).uuid()],
    samplesPerSeries: 100_000,
  },
} as const;

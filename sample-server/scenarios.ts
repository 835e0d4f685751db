/** Peer scenarios and small ID helpers shared by the world's builders. */
import type { Rng } from './random';
import type { PeerScenario } from './world';

export const CLEAN_SCENARIO: PeerScenario = {
  lossBursts: false,
  jitterSpikes: false,
  cpuLimited: false,
  bandwidthLimited: false,
  relayOnly: false,
  turnFails: false,
  deviceChange: false,
  screenshare: false,
};

/** Six base-36 characters, like the custom participant IDs apps pass in. */
export function customId(rng: Rng): string {
  return Math.floor(rng.between(36 ** 5, 36 ** 6)).toString(36);
}

export function randomScenario(rng: Rng, host: boolean): PeerScenario {
  return {
    lossBursts: rng.chance(0.15),
    jitterSpikes: rng.chance(0.2),
    cpuLimited: rng.chance(0.07),
    bandwidthLimited: rng.chance(0.1),
    relayOnly: rng.chance(0.05),
    turnFails: rng.chance(0.05),
    deviceChange: rng.chance(0.1),
    screenshare: host && rng.chance(0.5),
  };
}

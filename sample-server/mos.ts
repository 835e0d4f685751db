/** Mean opinion scores and the other figures derived from network conditions, shared by the random and the scripted series. */
import { clamp, round } from './random';

/** ITU-T G.107 E-model, simplified: how audio MOS responds to delay, jitter and loss. */
export function audioMos(rttMs: number, jitterMs: number, lossPct: number): number {
  const effectiveLatency = rttMs / 2 + 2 * jitterMs + 10;
  const delayImpairment = effectiveLatency < 160 ? effectiveLatency / 40 : (effectiveLatency - 120) / 10;
  const r = clamp(93.2 - delayImpairment - 2.5 * lossPct, 0, 100);
  return clamp(1 + 0.035 * r + 7e-6 * r * (r - 60) * (100 - r), 1, 4.5);
}

export function videoMos(fps: number, height: number, lossPct: number): number {
  return clamp(1 + 3.4 * Math.sqrt(fps / 30) * (height / 720) ** 0.25 - 0.06 * lossPct, 1, 4.5);
}

/**
 * Video's jitter on the same path as audio's: higher, since a frame's packets leave in a burst and wait
 * behind each other. Derived, not drawn, so the seeded series stay the same elsewhere.
 */
export function videoJitterMs(audioJitterMs: number): number {
  return round(audioJitterMs * 1.3 + 1, 1);
}

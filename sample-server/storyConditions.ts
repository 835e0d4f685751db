/**
 * A story peer's network conditions as pure functions of (peer, time): the sender's own producer
 * samples and every receiver's consumer samples of that producer read the same values, so loss and
 * jitter line up sample by sample on both sides.
 */
import type { LimitationReason } from './callStats';
import { DEVICES, LOCATIONS } from './profiles';
import { clamp, Rng, round } from './random';
import type { PeerRecord, PeerStory, TimeWindow } from './world';

export interface PeerLink {
  baseRtt: number;
  fullHeight: number;
  cellular: boolean;
}

export interface SendState {
  lossPct: number;
  jitterMs: number;
  rttMs: number;
  fps: number;
  width: number;
  height: number;
  limitation: LimitationReason;
}

export interface DownlinkState {
  lossPct: number;
  jitterMs: number;
}

const CALM: PeerStory = {
  uplinkLoss: [],
  uplinkLossPct: [0, 0],
  downlinkLoss: [],
  sendJitter: [],
  cpuLimited: [],
  extraRttMs: 0,
  noProducerSamples: false,
  consumersWithoutProducerId: false,
};

export function storyOf(peer: PeerRecord): PeerStory {
  return peer.story ?? CALM;
}

export function peerLink(peer: PeerRecord): PeerLink {
  const device = DEVICES[peer.participant.deviceIndex];
  const cellular = device.networkType === 'cellular';
  const relayPenalty = peer.scenario.relayOnly ? 45 : 0;
  return {
    baseRtt: LOCATIONS[peer.participant.locationIndex].baseRttMs + relayPenalty + (cellular ? 25 : 0) + (peer.story?.extraRttMs ?? 0),
    fullHeight: cellular ? 540 : 720,
    cellular,
  };
}

export function windowAt(t: number, windows: readonly TimeWindow[]): TimeWindow | undefined {
  return windows.find(([start, end]) => t >= start && t < end);
}

/** Every receiver of a sender reads the same states: remembered, up to a bound (a few story sessions' worth). */
const SEND_STATES_KEPT = 50_000;
const sendStates = new Map<string, SendState>();

/** What the peer sends at `t`, as its producers measure it and its receivers get it. */
export function sendStateAt(peer: PeerRecord, t: number): SendState {
  const key = `${peer.id}@${t}`;
  let state = sendStates.get(key);
  if (!state) {
    if (sendStates.size >= SEND_STATES_KEPT) sendStates.clear();
    state = computeSendState(peer, t);
    sendStates.set(key, state);
  }
  return state;
}

function computeSendState(peer: PeerRecord, t: number): SendState {
  const story = storyOf(peer);
  const link = peerLink(peer);
  const rng = new Rng(`send:${peer.id}:${t}`);
  const loss = windowAt(t, story.uplinkLoss) !== undefined;
  const spike = windowAt(t, story.sendJitter) !== undefined;
  const cpu = windowAt(t, story.cpuLimited);
  const lossPct = round(
    loss ? rng.between(story.uplinkLossPct[0], story.uplinkLossPct[1]) : Math.max(0, rng.noise(0.5) + (link.cellular ? 0.3 : 0)),
    2,
  );
  const jitterMs = round(clamp(2 + (link.cellular ? 4 : 0) + Math.abs(rng.noise(3)) + (spike ? rng.between(45, 110) : 0), 0.5, 250), 1);
  const rttMs = Math.round(clamp(link.baseRtt + rng.noise(8) + (spike ? rng.between(40, 90) : 0) + (loss ? 25 : 0), 20, 600));
  // A starved CPU sheds about one frame per second every five seconds, down to 8 fps, and drops to 360p.
  const cpuFps = cpu && Math.max(8, 30 - (t - cpu[0]) / 5_000);
  const fps = round(clamp((cpuFps || rng.between(28.5, 30)) - (loss ? rng.between(3, 8) : 0), 1, 30), 1);
  const height = cpu ? Math.min(link.fullHeight, 360) : link.fullHeight;
  return { lossPct, jitterMs, rttMs, fps, width: Math.round((height * 16) / 9), height, limitation: cpu ? 'cpu' : 'none' };
}

/** What the peer's own downlink adds to everything it receives at `t`. */
export function downlinkAt(peer: PeerRecord, t: number): DownlinkState {
  const rng = new Rng(`downlink:${peer.id}:${t}`);
  const loss = windowAt(t, storyOf(peer).downlinkLoss) !== undefined;
  return {
    lossPct: round(loss ? rng.between(9, 16) : Math.abs(rng.noise(0.3)), 2),
    jitterMs: round(loss ? rng.between(15, 30) : Math.abs(rng.noise(1.5)), 1),
  };
}

/**
 * Call statistics series for story peers, on a grid aligned to whole sample intervals so a sender's
 * producer samples and its receivers' consumer samples share timestamps. Current-generation peers get
 * one consumer sample per sender per kind (naming the producer); legacy peers, which never named
 * senders, get one receive sample per timestamp from the worst sender.
 */
import {
  peerEnd,
  type AudioReceiveSample,
  type AudioSendSample,
  type ConsumerSource,
  type LimitationReason,
  type Series,
  type SeriesContext,
  type SeriesMarks,
  type VideoReceiveSample,
  type VideoSendSample,
} from './callStats';
import { audioMos, videoJitterMs, videoMos } from './mos';
import { producerIdOf } from './producerIds';
import { clamp, Rng, round } from './random';
import { downlinkAt, sendStateAt, windowAt, type DownlinkState } from './storyConditions';
import type { PeerRecord, PeerStory, TimeWindow } from './world';

type Kind = 'audio' | 'video';

function sampleTimes(peer: PeerRecord, intervalMs: number): number[] {
  const times: number[] = [];
  for (let t = Math.ceil(peer.joinedAt / intervalMs) * intervalMs; t < peerEnd(peer); t += intervalMs) times.push(t);
  return times;
}

function sendSide(peer: PeerRecord, times: number[], context: SeriesContext): Pick<Series, 'audioSend' | 'videoSend'> {
  const rng = new Rng(`story-send:${peer.id}`);
  const seconds = context.intervalMs / 1000;
  const durations: Record<LimitationReason, number> = { none: 0, cpu: 0, bandwidth: 0, other: 0 };
  let resolutionChanges = 0;
  let previousHeight = context.fullHeight;
  const audioSend: AudioSendSample[] = [];
  const videoSend: VideoSendSample[] = [];
  for (const t of times) {
    const state = sendStateAt(peer, t);
    const audioPackets = 50 * seconds;
    audioSend.push({
      t,
      mos: round(clamp(audioMos(state.rttMs, state.jitterMs, state.lossPct) + rng.noise(0.06), 1, 4.5), 2),
      jitterMs: state.jitterMs,
      lossPct: state.lossPct,
      rttMs: state.rttMs,
      packetsSent: audioPackets,
      packetsLost: Math.round((audioPackets * state.lossPct) / 100),
      bytesSent: audioPackets * rng.int(95, 120),
    });
    durations[state.limitation] += seconds;
    if (state.height !== previousHeight) resolutionChanges++;
    previousHeight = state.height;
    const videoBytes = Math.round((state.height >= 720 ? 1500 : state.height >= 540 ? 900 : 450) * 125 * seconds * rng.between(0.85, 1.1));
    const videoPackets = Math.round(videoBytes / 1100);
    const pliCount = state.lossPct > 5 ? rng.int(2, 6) : 0;
    videoSend.push({
      t,
      mos: round(videoMos(state.fps, state.height, state.lossPct), 2),
      width: state.width,
      height: state.height,
      fps: state.fps,
      limitation: state.limitation,
      limitationDurations: { ...durations },
      resolutionChanges,
      jitterMs: videoJitterMs(state.jitterMs),
      lossPct: state.lossPct,
      rttMs: state.rttMs,
      packetsSent: videoPackets,
      packetsLost: Math.round((videoPackets * state.lossPct) / 100),
      bytesSent: videoBytes,
      framesEncoded: Math.round(state.fps * seconds),
      keyFramesEncoded: pliCount > 0 ? 1 : 0,
      pliCount,
      firCount: 0,
    });
  }
  return { audioSend, videoSend };
}

function screenshareSide(
  peer: PeerRecord,
  times: number[],
  context: SeriesContext,
): { samples: VideoSendSample[]; window?: readonly [number, number] } {
  if (!peer.scenario.screenshare || times.length < 10) return { samples: [] };
  const rng = new Rng(`story-screen:${peer.id}`);
  const seconds = context.intervalMs / 1000;
  const shown = times.slice(Math.floor(times.length * 0.2), Math.floor(times.length * 0.45));
  const durations: Record<LimitationReason, number> = { none: 0, cpu: 0, bandwidth: 0, other: 0 };
  const samples = shown.map((t): VideoSendSample => {
    durations.none += seconds;
    const state = sendStateAt(peer, t);
    const fps = round(rng.between(5, 15), 1);
    const bytes = Math.round(600 * 125 * seconds * rng.between(0.5, 1.4));
    return {
      t,
      mos: round(clamp(4.3 + rng.noise(0.1), 1, 4.5), 2),
      width: 1920,
      height: 1080,
      fps,
      limitation: 'none',
      limitationDurations: { ...durations },
      resolutionChanges: 0,
      jitterMs: videoJitterMs(state.jitterMs),
      lossPct: state.lossPct,
      rttMs: state.rttMs,
      packetsSent: Math.round(bytes / 1100),
      packetsLost: Math.round((bytes / 1100) * (state.lossPct / 100)),
      bytesSent: bytes,
      framesEncoded: Math.round(fps * seconds),
      keyFramesEncoded: 0,
      pliCount: 0,
      firCount: 0,
    };
  });
  return { samples, window: [shown[0], shown[shown.length - 1] + context.intervalMs] };
}

interface Received {
  audio: AudioReceiveSample;
  video: VideoReceiveSample;
}

/** One receive sample pair: the sender's state at `t` as it arrives through this peer's downlink. */
function received(sender: PeerRecord, t: number, down: DownlinkState, receiverRttMs: number, seconds: number, rng: Rng): Received {
  const send = sendStateAt(sender, t);
  const lossPct = round(Math.min(100, send.lossPct + down.lossPct), 2);
  const jitterMs = round(send.jitterMs + down.jitterMs, 1);
  const jitterBufferDelayMs = Math.round(40 + jitterMs * 1.5 + rng.between(0, 20));
  const audioPackets = 50 * seconds;
  const audioLost = Math.round((audioPackets * lossPct) / 100);
  const fps = round(clamp(send.fps - (lossPct > 5 ? rng.between(4, 10) : 0), 0, 30), 1);
  const videoBytes = Math.round((send.height >= 720 ? 1500 : send.height >= 540 ? 900 : 450) * 125 * seconds * rng.between(0.85, 1.1));
  const videoPackets = Math.round(videoBytes / 1100);
  return {
    audio: {
      t,
      mos: round(clamp(audioMos(receiverRttMs, jitterMs, lossPct) + rng.noise(0.05), 1, 4.5), 2),
      jitterMs,
      lossPct,
      packetsReceived: audioPackets - audioLost,
      packetsLost: audioLost,
      bytesReceived: audioPackets * rng.int(95, 120),
      concealmentEvents: Math.round(lossPct * rng.between(0.5, 2)),
      jitterBufferDelayMs,
      jitterBufferEmittedCount: 48_000 * seconds,
    },
    video: {
      t,
      mos: round(videoMos(fps, send.height, lossPct), 2),
      width: send.width,
      height: send.height,
      fps,
      framesDecoded: Math.round(fps * seconds),
      framesDropped: lossPct > 5 ? rng.int(3, 25) : 0,
      keyFramesDecoded: lossPct > 5 ? 1 : 0,
      jitterMs: videoJitterMs(jitterMs),
      lossPct,
      packetsReceived: videoPackets - Math.round((videoPackets * lossPct) / 100),
      packetsLost: Math.round((videoPackets * lossPct) / 100),
      bytesReceived: videoBytes,
      jitterBufferDelayMs: jitterBufferDelayMs + 20,
      jitterBufferEmittedCount: Math.round(fps * seconds),
      firCount: 0,
    },
  };
}

function receiveSide(
  peer: PeerRecord,
  story: PeerStory,
  times: number[],
  context: SeriesContext,
): Pick<Series, 'audioReceive' | 'videoReceive'> {
  const rng = new Rng(`story-receive:${peer.id}`);
  const seconds = context.intervalMs / 1000;
  const senders = peer.participant.session.participants.filter((p) => p !== peer.participant).flatMap((p) => p.peers);
  const sourceOf = (sender: PeerRecord, kind: Kind): ConsumerSource => ({
    peerId: sender.id,
    producerId: story.consumersWithoutProducerId ? undefined : producerIdOf(sender.id, kind),
    consumerId: new Rng(`consumer:${peer.id}:${sender.id}:${kind}`).uuid(),
  });
  const sources = new Map(senders.map((sender) => [sender, { audio: sourceOf(sender, 'audio'), video: sourceOf(sender, 'video') }]));
  const perSender = peer.participant.session.generation === 'current';
  const audioReceive: AudioReceiveSample[] = [];
  const videoReceive: VideoReceiveSample[] = [];
  for (const t of times) {
    const down = downlinkAt(peer, t);
    const present = senders.filter((sender) => sender.joinedAt <= t && t < peerEnd(sender));
    if (perSender) {
      for (const sender of present) {
        const { audio, video } = received(sender, t, down, context.baseRtt, seconds, rng);
        const source = sources.get(sender);
        audioReceive.push({ ...audio, source: source?.audio });
        videoReceive.push({ ...video, source: source?.video });
      }
      continue;
    }
    const worst = present.reduce<PeerRecord | undefined>(
      (a, b) => (!a || sendStateAt(b, t).lossPct > sendStateAt(a, t).lossPct ? b : a),
      undefined,
    );
    if (!worst) continue;
    const { audio, video } = received(worst, t, down, context.baseRtt, seconds, rng);
    audioReceive.push(audio);
    videoReceive.push(video);
  }
  return { audioReceive, videoReceive };
}

function starts(windows: readonly TimeWindow[], times: number[]): number[] {
  return windows.map(([start, end]) => times.find((t) => t >= start && t < end)).filter((t): t is number => t !== undefined);
}

export function storySeries(peer: PeerRecord, story: PeerStory, context: SeriesContext): Series {
  const times = sampleTimes(peer, context.intervalMs);
  const { audioSend, videoSend } = story.noProducerSamples ? { audioSend: [], videoSend: [] } : sendSide(peer, times, context);
  const screenshare = screenshareSide(peer, times, context);
  const marks: SeriesMarks = {
    lossStarts: starts([...story.uplinkLoss, ...story.downlinkLoss], times).map((t) => ({
      t,
      lossPct: windowAt(t, story.uplinkLoss) ? sendStateAt(peer, t).lossPct : downlinkAt(peer, t).lossPct,
    })),
    cpuStarts: starts(story.cpuLimited, times).map((t) => ({ t, fps: sendStateAt(peer, t).fps })),
    bandwidthStarts: [],
    screenshare: screenshare.window ? [screenshare.window] : [],
  };
  return { audioSend, videoSend, screenshareSend: screenshare.samples, ...receiveSide(peer, story, times, context), marks };
}

/** Call statistics series for the generated (non-story) peers: trouble strikes at random sample windows. */
import type {
  AudioReceiveSample,
  AudioSendSample,
  LimitationReason,
  Series,
  SeriesContext,
  VideoReceiveSample,
  VideoSendSample,
} from './callStats';
import { audioMos, videoJitterMs, videoMos } from './mos';
import { clamp, round, type Rng } from './random';
import type { PeerScenario } from './world';

/** Sample-index ranges [start, end) where something goes wrong. */
type Windows = Array<[number, number]>;

function windows(rng: Rng, sampleCount: number, count: number, minLength: number, maxLength: number): Windows {
  const result: Windows = [];
  for (let i = 0; i < count && sampleCount > maxLength * 2; i++) {
    const slot = Math.floor(sampleCount / count);
    const start = i * slot + rng.int(0, Math.max(0, slot - maxLength - 1));
    result.push([start, start + rng.int(minLength, maxLength)]);
  }
  return result;
}

function inside(index: number, ranges: Windows): boolean {
  return ranges.some(([start, end]) => index >= start && index < end);
}

export function randomSeries(rng: Rng, scenario: PeerScenario, context: SeriesContext): Series {
  const { sampleCount, timeOf, intervalMs, baseRtt, fullHeight, cellular } = context;
  const seconds = intervalMs / 1000;
  const lossBursts = scenario.lossBursts ? windows(rng, sampleCount, rng.int(2, 4), 3, 8) : [];
  const jitterSpikes = scenario.jitterSpikes ? windows(rng, sampleCount, rng.int(3, 5), 1, 4) : [];
  const bandwidthLimited = scenario.bandwidthLimited ? windows(rng, sampleCount, rng.int(1, 2), 12, 36) : [];
  const cpuLimited: Windows = scenario.cpuLimited ? [[Math.floor(sampleCount * 0.3), Math.floor(sampleCount * 0.75)]] : [];
  const screenshare: Windows = scenario.screenshare ? [[Math.floor(sampleCount * 0.2), Math.floor(sampleCount * 0.45)]] : [];

  const audioSend: AudioSendSample[] = [];
  const audioReceive: AudioReceiveSample[] = [];
  const videoSend: VideoSendSample[] = [];
  const videoReceive: VideoReceiveSample[] = [];
  const screenshareSend: VideoSendSample[] = [];
  const durations: Record<LimitationReason, number> = { none: 0, cpu: 0, bandwidth: 0, other: 0 };
  const screenDurations: Record<LimitationReason, number> = { none: 0, cpu: 0, bandwidth: 0, other: 0 };
  let resolutionChanges = 0;
  let previousHeight = fullHeight;
  let cpuFps = 30;

  for (let i = 0; i < sampleCount; i++) {
    const t = timeOf(i);
    const burst = inside(i, lossBursts);
    const spike = inside(i, jitterSpikes);
    const bandwidth = inside(i, bandwidthLimited);
    const cpu = inside(i, cpuLimited);
    const rttMs = Math.round(clamp(baseRtt + rng.noise(10) + (spike ? rng.between(60, 200) : 0) + (burst ? 30 : 0), 20, 400));
    const jitterMs = round(clamp(2 + (cellular ? 4 : 0) + Math.abs(rng.noise(4)) + (spike ? rng.between(40, 120) : 0), 0.5, 250), 1);
    const lossPct = round(burst ? rng.between(8, 20) : Math.max(0, rng.noise(0.6) + (cellular ? 0.3 : 0)), 2);

    const audioPackets = 50 * seconds; // 50 packets/s of Opus at 20 ms frames
    const audioLost = Math.round((audioPackets * lossPct) / 100);
    const mos = round(clamp(audioMos(rttMs, jitterMs, lossPct) + rng.noise(0.06), 1, 4.5), 2);
    audioSend.push({
      t,
      mos,
      jitterMs,
      lossPct,
      rttMs,
      packetsSent: audioPackets,
      packetsLost: audioLost,
      bytesSent: audioPackets * rng.int(95, 120),
    });

    // The sender backs off under CPU strain step by step; bandwidth limits cut resolution at once.
    cpuFps = cpu ? Math.max(8, cpuFps - rng.between(0.3, 1.2)) : Math.min(30, cpuFps + 3);
    const limitation: LimitationReason = cpu ? 'cpu' : bandwidth ? 'bandwidth' : 'none';
    const height = bandwidth ? (lossPct > 5 ? 180 : 360) : cpu ? Math.min(fullHeight, 540) : fullHeight;
    const width = Math.round((height * 16) / 9);
    if (height !== previousHeight) resolutionChanges++;
    previousHeight = height;
    durations[limitation] += seconds;
    const fps = round(
      clamp((cpu ? cpuFps : rng.between(28.5, 30)) - (burst ? rng.between(4, 10) : 0) - (rng.chance(0.04) ? rng.between(3, 6) : 0), 1, 30),
      1,
    );
    const kbps = height >= 720 ? 1500 : height >= 540 ? 900 : height >= 360 ? 450 : 150;
    const videoBytes = Math.round(kbps * 125 * seconds * rng.between(0.85, 1.1));
    const videoPackets = Math.round(videoBytes / 1100);
    const pliCount = burst ? rng.int(2, 6) : rng.chance(0.05) ? 1 : 0;
    videoSend.push({
      t,
      mos: round(videoMos(fps, height, lossPct), 2),
      width,
      height,
      fps,
      limitation,
      limitationDurations: { ...durations },
      resolutionChanges,
      jitterMs: videoJitterMs(jitterMs),
      lossPct,
      rttMs,
      packetsSent: videoPackets,
      packetsLost: Math.round((videoPackets * lossPct) / 100),
      bytesSent: videoBytes,
      framesEncoded: Math.round(fps * seconds),
      keyFramesEncoded: pliCount > 0 ? 1 : 0,
      pliCount,
      firCount: 0,
    });

    if (inside(i, screenshare)) {
      screenDurations.none += seconds;
      const screenFps = round(rng.between(5, 15), 1);
      const screenBytes = Math.round(600 * 125 * seconds * rng.between(0.5, 1.4));
      screenshareSend.push({
        t,
        mos: round(clamp(4.3 + rng.noise(0.1), 1, 4.5), 2),
        width: 1920,
        height: 1080,
        fps: screenFps,
        limitation: 'none',
        limitationDurations: { ...screenDurations },
        resolutionChanges: 0,
        jitterMs: videoJitterMs(jitterMs),
        lossPct,
        rttMs,
        packetsSent: Math.round(screenBytes / 1100),
        packetsLost: Math.round((screenBytes / 1100) * (lossPct / 100)),
        bytesSent: screenBytes,
        framesEncoded: Math.round(screenFps * seconds),
        keyFramesEncoded: rng.chance(0.1) ? 1 : 0,
        pliCount: 0,
        firCount: 0,
      });
    }

    // What this peer receives suffers from its own downlink: the same bursts and spikes.
    const receiveLoss = round(burst ? lossPct * rng.between(0.6, 1) : Math.max(0, rng.noise(0.4)), 2);
    const jitterBufferDelayMs = Math.round(40 + jitterMs * 1.5 + rng.between(0, 20));
    audioReceive.push({
      t,
      mos: round(clamp(audioMos(rttMs, jitterMs, receiveLoss) + rng.noise(0.05), 1, 4.5), 2),
      jitterMs,
      lossPct: receiveLoss,
      packetsReceived: audioPackets - Math.round((audioPackets * receiveLoss) / 100),
      packetsLost: Math.round((audioPackets * receiveLoss) / 100),
      bytesReceived: audioPackets * rng.int(95, 120),
      concealmentEvents: Math.round(receiveLoss * rng.between(0.5, 2)),
      jitterBufferDelayMs,
      jitterBufferEmittedCount: 48_000 * seconds,
    });
    const receiveHeight = bandwidth ? 360 : 720;
    const receiveFps = round(clamp(rng.between(27, 30) - (burst ? rng.between(6, 14) : 0) - (cpu ? rng.between(3, 8) : 0), 0, 30), 1);
    const receiveBytes = Math.round((receiveHeight >= 720 ? 1500 : 450) * 125 * seconds * rng.between(0.85, 1.1));
    videoReceive.push({
      t,
      mos: round(videoMos(receiveFps, receiveHeight, receiveLoss), 2),
      width: Math.round((receiveHeight * 16) / 9),
      height: receiveHeight,
      fps: receiveFps,
      framesDecoded: Math.round(receiveFps * seconds),
      framesDropped: burst || cpu ? rng.int(3, 25) : rng.chance(0.05) ? rng.int(1, 3) : 0,
      keyFramesDecoded: burst ? 1 : 0,
      jitterMs: videoJitterMs(jitterMs),
      lossPct: receiveLoss,
      packetsReceived: Math.round(receiveBytes / 1100),
      packetsLost: Math.round(((receiveBytes / 1100) * receiveLoss) / 100),
      bytesReceived: receiveBytes,
      jitterBufferDelayMs: jitterBufferDelayMs + 20,
      jitterBufferEmittedCount: Math.round(receiveFps * seconds),
      firCount: 0,
    });
  }

  return {
    audioSend,
    audioReceive,
    videoSend,
    videoReceive,
    screenshareSend,
    marks: {
      lossStarts: lossBursts.map(([start]) => ({ t: timeOf(start), lossPct: audioSend[start]?.lossPct })),
      cpuStarts: cpuLimited.map(([start]) => ({ t: timeOf(start), fps: videoSend[start]?.fps })),
      bandwidthStarts: bandwidthLimited.map(([start]) => timeOf(start)),
      screenshare: screenshare.map(([start, stop]) => [timeOf(start), timeOf(stop)] as const),
    },
  };
}

/**
 * Per-peer call statistics, in a neutral model that shapes.ts renders in either API generation.
 * Computed from the peer's seed and scenario on first request; a bounded cache keeps recent ones.
 */
import { DEVICES, HEADSET, LOCATIONS, SDKS, type DeviceProfile, type LocationProfile } from './profiles';
import { clamp, Rng, round } from './random';
import { WORLD_NOW, type PeerRecord } from './world';

const SAMPLE_INTERVAL_MS = 5_000;

export type LimitationReason = 'none' | 'cpu' | 'bandwidth' | 'other';

export interface AudioSendSample { t: number; mos: number; jitterMs: number; lossPct: number; rttMs: number; packetsSent: number; packetsLost: number; bytesSent: number }
export interface AudioReceiveSample {
  t: number; mos: number; jitterMs: number; lossPct: number; packetsReceived: number; packetsLost: number; bytesReceived: number;
  concealmentEvents: number; jitterBufferDelayMs: number; jitterBufferEmittedCount: number;
}
export interface VideoSendSample {
  t: number; mos: number; width: number; height: number; fps: number; limitation: LimitationReason;
  /** Seconds spent in each limitation state since the peer joined (cumulative, like WebRTC's). */
  limitationDurations: Record<LimitationReason, number>;
  resolutionChanges: number; jitterMs: number; lossPct: number; rttMs: number; packetsSent: number; packetsLost: number;
  bytesSent: number; framesEncoded: number; keyFramesEncoded: number; pliCount: number; firCount: number;
}
export interface VideoReceiveSample {
  t: number; mos: number; width: number; height: number; fps: number; framesDecoded: number; framesDropped: number; keyFramesDecoded: number;
  jitterMs: number; lossPct: number; packetsReceived: number; packetsLost: number; bytesReceived: number;
  jitterBufferDelayMs: number; jitterBufferEmittedCount: number; firCount: number;
}
export interface DeviceInfo { deviceId: string; kind: 'audioinput' | 'videoinput' | 'audiooutput'; label: string }
export interface DeviceUpdate { t: number; added: DeviceInfo[]; removed: DeviceInfo[] }
export interface CallEvent { name: string; t: number; metadata: Record<string, unknown> }

export interface CandidatePair {
  localType: 'host' | 'srflx' | 'relay'; localAddress: string; localPort: number; localProtocol: 'udp' | 'tcp'; localUrl?: string;
  relatedAddress?: string; relatedPort?: number; remoteAddress: string; remotePort: number;
  rttSeconds: number; bytesSent: number; bytesReceived: number; packetsSent: number; packetsReceived: number; availableOutgoingBitrate: number;
}

export interface PeerCallStats {
  device: DeviceProfile;
  location: LocationProfile;
  ipv4: string;
  sdk: { name: string; type: string; version: string };
  precall: {
    effectiveNetworkType: string; reflexive: boolean; relay: boolean; turn: boolean;
    rttMs: number; backendRttMs: number; jitterMs: number; fractionalLoss: number; throughputKbps: number;
  };
  candidatePairs: { producing: CandidatePair; consuming: CandidatePair };
  producerIds: { audio: string; video: string; screenshare: string };
  consumerIds: { audio: string; video: string };
  ssrcs: { audio: number; video: number; screenshare: number };
  remote?: { peerId: string; audioProducerId: string; videoProducerId: string };
  audioSend: AudioSendSample[];
  audioReceive: AudioReceiveSample[];
  videoSend: VideoSendSample[];
  videoReceive: VideoReceiveSample[];
  screenshareSend: VideoSendSample[];
  audioDeviceUpdates: DeviceUpdate[];
  videoDeviceUpdates: DeviceUpdate[];
  speakerDeviceUpdates: DeviceUpdate[];
  selectedDeviceUpdates: Array<{ t: number; device: DeviceInfo }>;
  events: CallEvent[];
}

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

/** ITU-T G.107 E-model, simplified: how audio MOS responds to delay, jitter and loss. */
function audioMos(rttMs: number, jitterMs: number, lossPct: number): number {
  const effectiveLatency = rttMs / 2 + 2 * jitterMs + 10;
  const delayImpairment = effectiveLatency < 160 ? effectiveLatency / 40 : (effectiveLatency - 120) / 10;
  const r = clamp(93.2 - delayImpairment - 2.5 * lossPct, 0, 100);
  return clamp(1 + 0.035 * r + 7e-6 * r * (r - 60) * (100 - r), 1, 4.5);
}

function videoMos(fps: number, height: number, lossPct: number): number {
  return clamp(1 + 3.4 * Math.sqrt(fps / 30) * (height / 720) ** 0.25 - 0.06 * lossPct, 1, 4.5);
}

function deviceInfo(peer: PeerRecord, kind: DeviceInfo['kind'], label: string): DeviceInfo {
  // Same label, same participant -> same device ID across reconnects, as browsers do.
  return { deviceId: new Rng(`device:${peer.participant.id}:${label}`).hex(64), kind, label };
}

function addressIn(rng: Rng, route: string): string {
  return route.replace(/\.0\/24$/, `.${rng.int(2, 254)}`);
}

function findRemotePeer(peer: PeerRecord): PeerRecord | undefined {
  const end = peer.leftAt ?? WORLD_NOW;
  for (const other of peer.participant.session.participants) {
    if (other === peer.participant) continue;
    const overlapping = other.peers.find((p) => p.joinedAt < end && (p.leftAt ?? WORLD_NOW) > peer.joinedAt);
    if (overlapping) return overlapping;
  }
  return undefined;
}

function buildStats(peer: PeerRecord): PeerCallStats {
  const rng = new Rng(`stats:${peer.id}`);
  const { scenario, participant } = peer;
  const device = DEVICES[participant.deviceIndex];
  const location = LOCATIONS[participant.locationIndex];
  const generation = participant.session.generation;
  const cellular = device.networkType === 'cellular';
  const end = peer.leftAt ?? WORLD_NOW;
  const sampleCount = Math.max(1, Math.floor((end - peer.joinedAt) / SAMPLE_INTERVAL_MS));
  const timeOf = (index: number) => peer.joinedAt + index * SAMPLE_INTERVAL_MS;

  const lossBursts = scenario.lossBursts ? windows(rng, sampleCount, rng.int(2, 4), 3, 8) : [];
  const jitterSpikes = scenario.jitterSpikes ? windows(rng, sampleCount, rng.int(3, 5), 1, 4) : [];
  const bandwidthLimited = scenario.bandwidthLimited ? windows(rng, sampleCount, rng.int(1, 2), 12, 36) : [];
  const cpuLimited: Windows = scenario.cpuLimited ? [[Math.floor(sampleCount * 0.3), Math.floor(sampleCount * 0.75)]] : [];
  const screenshare: Windows = scenario.screenshare ? [[Math.floor(sampleCount * 0.2), Math.floor(sampleCount * 0.45)]] : [];
  const relayPenalty = scenario.relayOnly ? 45 : 0;
  const baseRtt = location.baseRttMs + relayPenalty + (cellular ? 25 : 0);
  const fullHeight = cellular ? 540 : 720;

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

    const audioPackets = 250; // 50 packets/s of Opus at 20 ms frames
    const audioLost = Math.round((audioPackets * lossPct) / 100);
    const mos = round(clamp(audioMos(rttMs, jitterMs, lossPct) + rng.noise(0.06), 1, 4.5), 2);
    audioSend.push({ t, mos, jitterMs, lossPct, rttMs, packetsSent: audioPackets, packetsLost: audioLost, bytesSent: audioPackets * rng.int(95, 120) });

    // The sender backs off under CPU strain step by step; bandwidth limits cut resolution at once.
    cpuFps = cpu ? Math.max(8, cpuFps - rng.between(0.3, 1.2)) : Math.min(30, cpuFps + 3);
    const limitation: LimitationReason = cpu ? 'cpu' : bandwidth ? 'bandwidth' : 'none';
    const height = bandwidth ? (lossPct > 5 ? 180 : 360) : cpu ? Math.min(fullHeight, 540) : fullHeight;
    const width = Math.round((height * 16) / 9);
    if (height !== previousHeight) resolutionChanges++;
    previousHeight = height;
    durations[limitation] += SAMPLE_INTERVAL_MS / 1000;
    const fps = round(clamp((cpu ? cpuFps : rng.between(28.5, 30)) - (burst ? rng.between(4, 10) : 0) - (rng.chance(0.04) ? rng.between(3, 6) : 0), 1, 30), 1);
    const kbps = height >= 720 ? 1500 : height >= 540 ? 900 : height >= 360 ? 450 : 150;
    const videoBytes = Math.round(kbps * 125 * 5 * rng.between(0.85, 1.1));
    const videoPackets = Math.round(videoBytes / 1100);
    const pliCount = burst ? rng.int(2, 6) : rng.chance(0.05) ? 1 : 0;
    videoSend.push({
      t, mos: round(videoMos(fps, height, lossPct), 2), width, height, fps, limitation, limitationDurations: { ...durations }, resolutionChanges,
      jitterMs, lossPct, rttMs, packetsSent: videoPackets, packetsLost: Math.round((videoPackets * lossPct) / 100), bytesSent: videoBytes,
      framesEncoded: Math.round(fps * 5), keyFramesEncoded: pliCount > 0 ? 1 : 0, pliCount, firCount: 0,
    });

    if (inside(i, screenshare)) {
      screenDurations.none += SAMPLE_INTERVAL_MS / 1000;
      const screenFps = round(rng.between(5, 15), 1);
      const screenBytes = Math.round(600 * 125 * 5 * rng.between(0.5, 1.4));
      screenshareSend.push({
        t, mos: round(clamp(4.3 + rng.noise(0.1), 1, 4.5), 2), width: 1920, height: 1080, fps: screenFps, limitation: 'none',
        limitationDurations: { ...screenDurations }, resolutionChanges: 0, jitterMs, lossPct, rttMs,
        packetsSent: Math.round(screenBytes / 1100), packetsLost: 0, bytesSent: screenBytes, framesEncoded: Math.round(screenFps * 5),
        keyFramesEncoded: rng.chance(0.1) ? 1 : 0, pliCount: 0, firCount: 0,
      });
    }

    // What this peer receives suffers from its own downlink: the same bursts and spikes.
    const receiveLoss = round(burst ? lossPct * rng.between(0.6, 1) : Math.max(0, rng.noise(0.4)), 2);
    const jitterBufferDelayMs = Math.round(40 + jitterMs * 1.5 + rng.between(0, 20));
    audioReceive.push({
      t, mos: round(clamp(audioMos(rttMs, jitterMs, receiveLoss) + rng.noise(0.05), 1, 4.5), 2), jitterMs, lossPct: receiveLoss,
      packetsReceived: audioPackets - Math.round((audioPackets * receiveLoss) / 100), packetsLost: Math.round((audioPackets * receiveLoss) / 100),
      bytesReceived: audioPackets * rng.int(95, 120), concealmentEvents: Math.round(receiveLoss * rng.between(0.5, 2)),
      jitterBufferDelayMs, jitterBufferEmittedCount: 48_000 * 5,
    });
    const receiveHeight = bandwidth ? 360 : 720;
    const receiveFps = round(clamp(rng.between(27, 30) - (burst ? rng.between(6, 14) : 0) - (cpu ? rng.between(3, 8) : 0), 0, 30), 1);
    const receiveBytes = Math.round((receiveHeight >= 720 ? 1500 : 450) * 125 * 5 * rng.between(0.85, 1.1));
    videoReceive.push({
      t, mos: round(videoMos(receiveFps, receiveHeight, receiveLoss), 2), width: Math.round((receiveHeight * 16) / 9), height: receiveHeight, fps: receiveFps,
      framesDecoded: Math.round(receiveFps * 5), framesDropped: burst || cpu ? rng.int(3, 25) : rng.chance(0.05) ? rng.int(1, 3) : 0,
      keyFramesDecoded: burst ? 1 : 0, jitterMs, lossPct: receiveLoss, packetsReceived: Math.round(receiveBytes / 1100),
      packetsLost: Math.round((receiveBytes / 1100) * receiveLoss / 100), bytesReceived: receiveBytes,
      jitterBufferDelayMs: jitterBufferDelayMs + 20, jitterBufferEmittedCount: Math.round(receiveFps * 5), firCount: 0,
    });
  }

  const remotePeer = findRemotePeer(peer);
  const remote = remotePeer && {
    peerId: remotePeer.id,
    audioProducerId: new Rng(`producer:audio:${remotePeer.id}`).uuid(),
    videoProducerId: new Rng(`producer:video:${remotePeer.id}`).uuid(),
  };
  const localIp = addressIn(rng, location.route);
  const totalBytesSent = videoSend.reduce((sum, s) => sum + s.bytesSent, 0) + audioSend.reduce((sum, s) => sum + s.bytesSent, 0);
  const totalBytesReceived = videoReceive.reduce((sum, s) => sum + s.bytesReceived, 0) + audioReceive.reduce((sum, s) => sum + s.bytesReceived, 0);
  const candidatePair = (bytesSent: number, bytesReceived: number): CandidatePair => ({
    localType: scenario.relayOnly ? 'relay' : device.networkType === 'ethernet' ? 'host' : 'srflx',
    localAddress: scenario.relayOnly ? '192.0.2.33' : localIp,
    localPort: rng.int(49152, 65535),
    localProtocol: 'udp',
    localUrl: scenario.relayOnly ? 'turn:turn.sample-realtimekit.invalid:3478?transport=udp' : undefined,
    relatedAddress: scenario.relayOnly ? localIp : undefined,
    relatedPort: scenario.relayOnly ? rng.int(49152, 65535) : undefined,
    remoteAddress: '192.0.2.250', // the SFU
    remotePort: rng.int(40000, 40100),
    rttSeconds: round(baseRtt / 1000, 3),
    bytesSent,
    bytesReceived,
    packetsSent: Math.round(bytesSent / 1000),
    packetsReceived: Math.round(bytesReceived / 1000),
    availableOutgoingBitrate: bandwidthLimited.length > 0 ? rng.int(350_000, 700_000) : rng.int(2_000_000, 4_500_000),
  });

  const microphone = deviceInfo(peer, 'audioinput', device.microphones[0]);
  const camera = deviceInfo(peer, 'videoinput', device.cameras[0]);
  const speaker = deviceInfo(peer, 'audiooutput', device.speakers[0]);
  const joined = peer.joinedAt;
  const changeAt = timeOf(Math.floor(sampleCount * 0.4));
  const headsetMic = deviceInfo(peer, 'audioinput', HEADSET.microphone);
  const headsetSpeaker = deviceInfo(peer, 'audiooutput', HEADSET.speaker);
  const initialUpdate = (kind: DeviceInfo['kind'], labels: string[]): DeviceUpdate => ({
    t: joined, added: labels.map((label) => deviceInfo(peer, kind, label)), removed: [],
  });

  const events: CallEvent[] = [
    { name: 'precall_test_completed', t: peer.createdAt + 400, metadata: { rtt: baseRtt, turn_connectivity: !scenario.turnFails } },
    { name: 'ice_connection_state_changed', t: joined, metadata: { state: 'connected', candidate_type: scenario.relayOnly ? 'relay' : 'srflx' } },
    { name: 'audio_on', t: joined + 600, metadata: {} },
    { name: 'video_on', t: joined + 900, metadata: {} },
  ];
  if (scenario.turnFails) events.push({ name: 'turn_check_failed', t: peer.createdAt + 350, metadata: { reason: 'timeout', url: 'turns:turn.sample-realtimekit.invalid:443?transport=tcp' } });
  for (const [start] of lossBursts) events.push({ name: 'network_quality_degraded', t: timeOf(start), metadata: { packet_loss: audioSend[start]?.lossPct } });
  for (const [start] of cpuLimited) events.push({ name: 'cpu_limitation_started', t: timeOf(start), metadata: { fps: videoSend[start]?.fps } });
  for (const [start] of bandwidthLimited) events.push({ name: 'bandwidth_limitation_started', t: timeOf(start), metadata: { available_outgoing_bitrate: 480_000 } });
  for (const [start, stop] of screenshare) {
    events.push({ name: 'screenshare_started', t: timeOf(start), metadata: {} }, { name: 'screenshare_stopped', t: timeOf(stop), metadata: {} });
  }
  if (scenario.deviceChange) events.push({ name: 'device_changed', t: changeAt, metadata: { kind: 'audioinput', label: HEADSET.microphone } });
  const reconnects = peer.index < peer.participant.peers.length - 1;
  if (peer.leftAt !== undefined) {
    events.push(reconnects
      ? { name: 'ice_connection_state_changed', t: peer.leftAt, metadata: { state: 'disconnected' } }
      : { name: 'left', t: peer.leftAt, metadata: { reason: 'user_left' } });
  }
  events.sort((a, b) => a.t - b.t);

  const sdkChoices = SDKS[generation];
  return {
    device,
    location,
    ipv4: localIp,
    sdk: { ...sdkChoices[participant.deviceIndex % sdkChoices.length] },
    precall: {
      effectiveNetworkType: bandwidthLimited.length > 0 && cellular ? '3g' : '4g',
      reflexive: !scenario.relayOnly,
      relay: !scenario.turnFails,
      turn: !scenario.turnFails,
      rttMs: Math.round(baseRtt + rng.noise(6)),
      backendRttMs: Math.round(baseRtt * 0.6 + rng.between(2, 10)),
      jitterMs: round(2 + Math.abs(rng.noise(3)), 1),
      fractionalLoss: round(Math.max(0, rng.noise(0.01)), 3),
      throughputKbps: cellular ? rng.int(1_500, 12_000) : rng.int(8_000, 95_000),
    },
    candidatePairs: {
      producing: candidatePair(totalBytesSent, Math.round(totalBytesSent * 0.02)),
      consuming: candidatePair(Math.round(totalBytesReceived * 0.02), totalBytesReceived),
    },
    producerIds: { audio: new Rng(`producer:audio:${peer.id}`).uuid(), video: new Rng(`producer:video:${peer.id}`).uuid(), screenshare: rng.uuid() },
    consumerIds: { audio: rng.uuid(), video: rng.uuid() },
    ssrcs: { audio: rng.int(1e8, 4e9), video: rng.int(1e8, 4e9), screenshare: rng.int(1e8, 4e9) },
    remote,
    audioSend,
    audioReceive: remote ? audioReceive : [],
    videoSend,
    videoReceive: remote ? videoReceive : [],
    screenshareSend,
    audioDeviceUpdates: [
      initialUpdate('audioinput', device.microphones),
      ...(scenario.deviceChange ? [{ t: changeAt, added: [headsetMic], removed: [] }] : []),
    ],
    videoDeviceUpdates: [initialUpdate('videoinput', device.cameras)],
    speakerDeviceUpdates: [
      initialUpdate('audiooutput', device.speakers),
      ...(scenario.deviceChange ? [{ t: changeAt, added: [headsetSpeaker], removed: [] }] : []),
    ],
    selectedDeviceUpdates: [
      { t: joined, device: microphone },
      { t: joined, device: camera },
      { t: joined, device: speaker },
      ...(scenario.deviceChange ? [{ t: changeAt + 300, device: headsetMic }, { t: changeAt + 300, device: headsetSpeaker }] : []),
    ],
    events,
  };
}

/** Enough for every peer of a normal session plus browsing around a large one. */
const CACHE_LIMIT = 200;
const cache = new Map<string, PeerCallStats>();

export function callStatsFor(peer: PeerRecord): PeerCallStats {
  const cached = cache.get(peer.id);
  if (cached) {
    // Re-insert so Map order is least-recently-used first.
    cache.delete(peer.id);
    cache.set(peer.id, cached);
    return cached;
  }
  const stats = buildStats(peer);
  cache.set(peer.id, stats);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  return stats;
}

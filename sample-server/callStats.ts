/**
 * Per-peer call statistics, in a neutral model that shapes.ts renders in either API generation.
 * Computed from the peer's seed and scenario on first request; a bounded cache keeps recent ones.
 */
import { DEVICES, HEADSET, LOCATIONS, SDKS, type DeviceProfile, type LocationProfile } from './profiles';
import { Rng, round } from './random';
import { producerIdOf } from './producerIds';
import { randomSeries } from './randomSeries';
import { peerLink } from './storyConditions';
import { storySeries } from './storySeries';
import type { PeerRecord } from './world';

export type LimitationReason = 'none' | 'cpu' | 'bandwidth' | 'other';

export interface AudioSendSample {
  t: number;
  mos: number;
  jitterMs: number;
  lossPct: number;
  rttMs: number;
  packetsSent: number;
  packetsLost: number;
  bytesSent: number;
}
/** Which remote producer a receive sample belongs to, when the peer receives several senders (stories). */
export interface ConsumerSource {
  peerId: string;
  producerId?: string;
  consumerId: string;
}
export interface AudioReceiveSample {
  source?: ConsumerSource;
  t: number;
  mos: number;
  jitterMs: number;
  lossPct: number;
  packetsReceived: number;
  packetsLost: number;
  bytesReceived: number;
  concealmentEvents: number;
  jitterBufferDelayMs: number;
  jitterBufferEmittedCount: number;
}
export interface VideoSendSample {
  t: number;
  mos: number;
  width: number;
  height: number;
  fps: number;
  limitation: LimitationReason;
  /** Seconds spent in each limitation state since the peer joined (cumulative, like WebRTC's). */
  limitationDurations: Record<LimitationReason, number>;
  resolutionChanges: number;
  jitterMs: number;
  lossPct: number;
  rttMs: number;
  packetsSent: number;
  packetsLost: number;
  bytesSent: number;
  framesEncoded: number;
  keyFramesEncoded: number;
  pliCount: number;
  firCount: number;
}
export interface VideoReceiveSample {
  source?: ConsumerSource;
  t: number;
  mos: number;
  width: number;
  height: number;
  fps: number;
  framesDecoded: number;
  framesDropped: number;
  keyFramesDecoded: number;
  jitterMs: number;
  lossPct: number;
  packetsReceived: number;
  packetsLost: number;
  bytesReceived: number;
  jitterBufferDelayMs: number;
  jitterBufferEmittedCount: number;
  firCount: number;
}
export interface DeviceInfo {
  deviceId: string;
  kind: 'audioinput' | 'videoinput' | 'audiooutput';
  label: string;
}
export interface DeviceUpdate {
  t: number;
  added: DeviceInfo[];
  removed: DeviceInfo[];
}
export interface CallEvent {
  name: string;
  t: number;
  metadata: Record<string, unknown>;
}

export interface CandidatePair {
  localType: 'host' | 'srflx' | 'relay';
  localAddress: string;
  localPort: number;
  localProtocol: 'udp' | 'tcp';
  localUrl?: string;
  relatedAddress?: string;
  relatedPort?: number;
  remoteAddress: string;
  remotePort: number;
  rttSeconds: number;
  bytesSent: number;
  bytesReceived: number;
  packetsSent: number;
  packetsReceived: number;
  availableOutgoingBitrate: number;
}

export interface PeerCallStats {
  device: DeviceProfile;
  location: LocationProfile;
  ipv4: string;
  sdk: { name: string; type: string; version: string };
  precall: {
    effectiveNetworkType: string;
    reflexive: boolean;
    relay: boolean;
    turn: boolean;
    rttMs: number;
    backendRttMs: number;
    jitterMs: number;
    fractionalLoss: number;
    throughputKbps: number;
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

/** What a series builder needs to know about the peer's link and timeline. */
export interface SeriesContext {
  sampleCount: number;
  timeOf: (index: number) => number;
  intervalMs: number;
  baseRtt: number;
  fullHeight: number;
  cellular: boolean;
}

/** Where the call events come from: when trouble started, with the values at that moment. */
export interface SeriesMarks {
  lossStarts: Array<{ t: number; lossPct?: number }>;
  cpuStarts: Array<{ t: number; fps?: number }>;
  bandwidthStarts: number[];
  screenshare: Array<readonly [number, number]>;
}

export interface Series {
  audioSend: AudioSendSample[];
  audioReceive: AudioReceiveSample[];
  videoSend: VideoSendSample[];
  videoReceive: VideoReceiveSample[];
  screenshareSend: VideoSendSample[];
  marks: SeriesMarks;
}

/** The moment a peer's statistics run to: when it left, or the (LIVE) session's now. */
export function peerEnd(peer: PeerRecord): number {
  return peer.leftAt ?? peer.participant.session.asOf;
}

function deviceInfo(peer: PeerRecord, kind: DeviceInfo['kind'], label: string): DeviceInfo {
  // Same label, same participant -> same device ID across reconnects, as browsers do.
  return { deviceId: new Rng(`device:${peer.participant.id}:${label}`).hex(64), kind, label };
}

function addressIn(rng: Rng, route: string): string {
  return route.replace(/\.0\/24$/, `.${rng.int(2, 254)}`);
}

function findRemotePeer(peer: PeerRecord): PeerRecord | undefined {
  const end = peerEnd(peer);
  for (const other of peer.participant.session.participants) {
    if (other === peer.participant) continue;
    const overlapping = other.peers.find((p) => p.joinedAt < end && peerEnd(p) > peer.joinedAt);
    if (overlapping) return overlapping;
  }
  return undefined;
}

function buildStats(peer: PeerRecord): PeerCallStats {
  const rng = new Rng(peer.revision ? `stats:${peer.id}#${peer.revision}` : `stats:${peer.id}`);
  const { scenario, participant } = peer;
  const device = DEVICES[participant.deviceIndex];
  const location = LOCATIONS[participant.locationIndex];
  const generation = participant.session.generation;
  const cellular = device.networkType === 'cellular';
  const intervalMs = participant.session.sampleIntervalMs;
  const sampleCount = Math.max(1, Math.floor((peerEnd(peer) - peer.joinedAt) / intervalMs));
  const timeOf = (index: number) => peer.joinedAt + index * intervalMs;

  const { baseRtt, fullHeight } = peerLink(peer);
  const context: SeriesContext = { sampleCount, timeOf, intervalMs, baseRtt, fullHeight, cellular };
  const { audioSend, audioReceive, videoSend, videoReceive, screenshareSend, marks } = peer.story
    ? storySeries(peer, peer.story, context)
    : randomSeries(rng, scenario, context);

  const remotePeer = findRemotePeer(peer);
  const remote = remotePeer && {
    peerId: remotePeer.id,
    audioProducerId: producerIdOf(remotePeer.id, 'audio'),
    videoProducerId: producerIdOf(remotePeer.id, 'video'),
  };
  const localIp = addressIn(rng, location.route);
  const totalBytesSent = videoSend.reduce((sum, s) => sum + s.bytesSent, 0) + audioSend.reduce((sum, s) => sum + s.bytesSent, 0);
  const totalBytesReceived =
    videoReceive.reduce((sum, s) => sum + s.bytesReceived, 0) + audioReceive.reduce((sum, s) => sum + s.bytesReceived, 0);
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
    availableOutgoingBitrate: marks.bandwidthStarts.length > 0 ? rng.int(350_000, 700_000) : rng.int(2_000_000, 4_500_000),
  });

  const microphone = deviceInfo(peer, 'audioinput', device.microphones[0]);
  const camera = deviceInfo(peer, 'videoinput', device.cameras[0]);
  const speaker = deviceInfo(peer, 'audiooutput', device.speakers[0]);
  const joined = peer.joinedAt;
  const changeAt = timeOf(Math.floor(sampleCount * 0.4));
  const headsetMic = deviceInfo(peer, 'audioinput', HEADSET.microphone);
  const headsetSpeaker = deviceInfo(peer, 'audiooutput', HEADSET.speaker);
  const initialUpdate = (kind: DeviceInfo['kind'], labels: string[]): DeviceUpdate => ({
    t: joined,
    added: labels.map((label) => deviceInfo(peer, kind, label)),
    removed: [],
  });

  const events: CallEvent[] = [
    { name: 'precall_test_completed', t: peer.createdAt + 400, metadata: { rtt: baseRtt, turn_connectivity: !scenario.turnFails } },
    {
      name: 'ice_connection_state_changed',
      t: joined,
      metadata: { state: 'connected', candidate_type: scenario.relayOnly ? 'relay' : 'srflx' },
    },
    { name: 'audio_on', t: joined + 600, metadata: {} },
    { name: 'video_on', t: joined + 900, metadata: {} },
  ];
  if (scenario.turnFails)
    events.push({
      name: 'turn_check_failed',
      t: peer.createdAt + 350,
      metadata: { reason: 'timeout', url: 'turns:turn.sample-realtimekit.invalid:443?transport=tcp' },
    });
  for (const { t, lossPct } of marks.lossStarts) events.push({ name: 'network_quality_degraded', t, metadata: { packet_loss: lossPct } });
  for (const { t, fps } of marks.cpuStarts) events.push({ name: 'cpu_limitation_started', t, metadata: { fps } });
  for (const t of marks.bandwidthStarts)
    events.push({ name: 'bandwidth_limitation_started', t, metadata: { available_outgoing_bitrate: 480_000 } });
  for (const [start, stop] of marks.screenshare) {
    events.push({ name: 'screenshare_started', t: start, metadata: {} }, { name: 'screenshare_stopped', t: stop, metadata: {} });
  }
  if (scenario.deviceChange)
    events.push({ name: 'device_changed', t: changeAt, metadata: { kind: 'audioinput', label: HEADSET.microphone } });
  const reconnects = peer.index < peer.participant.peers.length - 1;
  if (peer.leftAt !== undefined) {
    events.push(
      reconnects
        ? { name: 'ice_connection_state_changed', t: peer.leftAt, metadata: { state: 'disconnected' } }
        : { name: 'left', t: peer.leftAt, metadata: { reason: 'user_left' } },
    );
  }
  events.sort((a, b) => a.t - b.t);

  const sdkChoices = SDKS[generation];
  return {
    device,
    location,
    ipv4: localIp,
    sdk: { ...sdkChoices[participant.deviceIndex % sdkChoices.length] },
    precall: {
      effectiveNetworkType: marks.bandwidthStarts.length > 0 && cellular ? '3g' : '4g',
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
    producerIds: { audio: producerIdOf(peer.id, 'audio'), video: producerIdOf(peer.id, 'video'), screenshare: rng.uuid() },
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
      ...(scenario.deviceChange
        ? [
            { t: changeAt + 300, device: headsetMic },
            { t: changeAt + 300, device: headsetSpeaker },
          ]
        : []),
    ],
    events,
  };
}

/** Enough for every peer of a normal session plus browsing around a large one. */
const CACHE_LIMIT = 200;
/** Longer series (the soak-test peers) are built on each request and dropped, not kept in memory. */
const CACHEABLE_SAMPLES = 10_000;
const cache = new Map<string, PeerCallStats>();

export function callStatsFor(peer: PeerRecord): PeerCallStats {
  // A LIVE peer's statistics grow with the session's now, so the key says how far they run.
  const key = `${peer.id}@${peerEnd(peer)}#${peer.revision ?? 0}`;
  const cached = cache.get(key);
  if (cached) {
    // Re-insert so Map order is least-recently-used first.
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  const stats = buildStats(peer);
  if (stats.audioSend.length + stats.audioReceive.length > CACHEABLE_SAMPLES) return stats;
  cache.set(key, stats);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  return stats;
}

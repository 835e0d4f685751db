/**
 * Legacy-generation shapes (the seed documentation pages): participant details with peer_stats and
 * quality_stats, and a peer report whose metadata and quality are loose maps. Deliberately a bit messy,
 * as the older API was: some numbers arrive as strings, some missing values as the string "null".
 */
import { callStatsFor, type PeerCallStats } from './callStats';
import { isoTime, Rng, round } from './random';
import { ipBaseJson, participantBaseJson, peerEventsJson, wants, type Filters, type Json } from './shapes';
import type { ParticipantRecord, PeerRecord } from './world';

/** Renders a number as a string now and then, as the legacy API did. */
function sometimesString(rng: Rng, value: number): number | string {
  return rng.chance(0.03) ? value.toFixed(1) : value;
}

function deviceInfoJson(stats: PeerCallStats): Json {
  return {
    browser: stats.device.browser,
    browser_version: stats.device.browserVersion,
    engine: stats.device.engine,
    os: stats.device.os,
    os_version: stats.device.osVersion,
    is_mobile: stats.device.isMobile,
    cpus: stats.device.cpus,
    memory: String(stats.device.memoryGb),
    user_agent: stats.device.userAgent,
    sdk_name: stats.sdk.name,
    sdk_version: stats.sdk.version,
    webgl_support: stats.device.isMobile ? 'null' : 'true',
  };
}

function ipInformationJson(stats: PeerCallStats): Json {
  return {
    ...ipBaseJson(stats),
    ip_location: `${stats.location.city}, ${stats.location.country}`,
    portal: 'null',
  };
}

function precallJson(stats: PeerCallStats): Json {
  return {
    rtt: stats.precall.rttMs,
    backend_rtt: stats.precall.backendRttMs,
    jitter: stats.precall.jitterMs,
    fractional_loss: stats.precall.fractionalLoss,
    throughtput: String(stats.precall.throughputKbps), // sic: the legacy API's spelling, and a string
    effective_networktype: stats.precall.effectiveNetworkType,
    reflexive_connectivity: stats.precall.reflexive,
    relay_connectivity: stats.precall.relay,
    turn_connectivity: stats.precall.turn,
  };
}

function eventsJson(stats: PeerCallStats): Json[] {
  return stats.events.map((e) => ({ type: e.name.toUpperCase(), timestamp: isoTime(e.t) }));
}

function averageOf(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** kbit/s from bytes per 5-second sample. */
function bandwidthKbps(bytes: number[]): number {
  return round((averageOf(bytes) * 8) / 5 / 1000, 1);
}

/** One peer's quality_stats entry, without its peer_id. */
function peerQualityJson(peer: PeerRecord, stats: PeerCallStats): Json {
  const rng = new Rng(`legacy-quirks:${peer.id}`);
  // Receive samples by time: a story peer receives nothing before its first sender joins.
  const audioReceived = new Map(stats.audioReceive.map((s) => [s.t, s]));
  const videoReceived = new Map(stats.videoReceive.map((s) => [s.t, s]));
  // A story peer whose send-side statistics never arrived: averages are the legacy API's "null".
  const sent = stats.audioSend.length > 0;
  const average = (values: number[]) => (sent ? round(averageOf(values), 2) : 'null');
  return {
    start: isoTime(peer.joinedAt),
    end: peer.leftAt === undefined ? 'null' : isoTime(peer.leftAt),
    average_quality: average(stats.audioSend.map((s) => s.mos)),
    audio_bandwidth: sent ? bandwidthKbps(stats.audioSend.map((s) => s.bytesSent)) : 'null',
    video_bandwidth: sent ? bandwidthKbps(stats.videoSend.map((s) => s.bytesSent)) : 'null',
    audio_packet_loss: average(stats.audioSend.map((s) => s.lossPct)),
    video_packet_loss: average(stats.videoSend.map((s) => s.lossPct)),
    audio_stats: stats.audioSend.map((s) => ({
      timestamp: isoTime(s.t),
      quality: s.mos,
      jitter: sometimesString(rng, s.jitterMs),
      packets_lost: s.packetsLost,
      concealment_events: audioReceived.get(s.t)?.concealmentEvents ?? 0,
    })),
    video_stats: stats.videoSend.map((s) => ({
      timestamp: isoTime(s.t),
      quality: s.mos,
      frame_width: s.width,
      frame_height: s.height,
      frames_per_second: sometimesString(rng, s.fps),
      frames_dropped: videoReceived.get(s.t)?.framesDropped ?? 0,
      jitter: s.jitterMs,
      packets_lost: s.packetsLost,
    })),
  };
}

/** The peer_stats map: what the legacy API knew about the connection, restricted by `filters`. */
function peerStatsJson(participant: ParticipantRecord, latest: PeerCallStats, allStats: PeerCallStats[], filters: Filters): Json {
  return {
    config: JSON.stringify({ audio: true, video: true, screenshare: participant.presetName.endsWith('_host') }),
    status: participant.leftAt === undefined ? 'JOINED' : 'LEFT',
    ...(wants(filters, 'device_info') ? { device_info: deviceInfoJson(latest) } : {}),
    ...(wants(filters, 'ip_information') ? { ip_information: ipInformationJson(latest) } : {}),
    ...(wants(filters, 'precall_network_information') ? { precall_network_information: precallJson(latest) } : {}),
    ...(wants(filters, 'events') ? { events: allStats.flatMap(eventsJson) } : {}),
  };
}

export function legacyParticipantDetails(participant: ParticipantRecord, includePeerEvents: boolean, filters: Filters): Json {
  const allStats = participant.peers.map(callStatsFor);
  return {
    participant: {
      ...participantBaseJson(participant),
      ...(includePeerEvents ? { peer_events: peerEventsJson(participant) } : {}),
      peer_stats: peerStatsJson(participant, allStats[allStats.length - 1], allStats, filters),
      ...(wants(filters, 'quality_stats')
        ? { quality_stats: participant.peers.map((peer, i) => ({ peer_id: peer.id, ...peerQualityJson(peer, allStats[i]) })) }
        : {}),
    },
  };
}

/** Legacy peer report: `data` itself is the participant (no `participant` wrapper), as in seed 001. */
export function legacyPeerReport(peer: PeerRecord, includePeerEvents: boolean, filters: Filters): Json {
  const stats = callStatsFor(peer);
  const { participant } = peer;
  return {
    ...participantBaseJson(participant),
    session_id: participant.session.id,
    ...(includePeerEvents ? { peer_events: peerEventsJson(participant) } : {}),
    peer_report: {
      metadata: peerStatsJson(participant, stats, [stats], filters),
      ...(wants(filters, 'quality_stats') ? { quality: peerQualityJson(peer, stats) } : {}),
    },
  };
}

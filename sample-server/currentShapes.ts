/** Current-generation (SDK 7.x OpenAPI) shapes: base fields + peer_events, and the typed peer report. */
import {
  callStatsFor,
  type AudioReceiveSample,
  type ConsumerSource,
  type AudioSendSample,
  type CandidatePair,
  type DeviceInfo,
  type DeviceUpdate,
  type PeerCallStats,
  type VideoReceiveSample,
  type VideoSendSample,
} from './callStats';
import { audioConsumerCumulative, audioProducerCumulative, videoConsumerCumulative, videoProducerCumulative } from './cumulative';
import { isoTime } from './random';
import { ipBaseJson, participantBaseJson, peerEventsJson, roleOf, wants, type Filters, type Json } from './shapes';
import type { ParticipantRecord, PeerRecord } from './world';

export function currentParticipantDetails(participant: ParticipantRecord, includePeerEvents: boolean): Json {
  return {
    participant: {
      ...participantBaseJson(participant),
      ...(includePeerEvents ? { peer_events: peerEventsJson(participant) } : {}),
    },
  };
}

function deviceJson(device: DeviceInfo): Json {
  return { device_id: device.deviceId, kind: device.kind, label: device.label };
}

function deviceUpdateJson(update: DeviceUpdate): Json {
  return { timestamp: isoTime(update.t), added: update.added.map(deviceJson), removed: update.removed.map(deviceJson) };
}

function candidatePairJson(pair: CandidatePair, stats: PeerCallStats, lastPacketAt: number): Json {
  return {
    nominated: true,
    local_candidate_id: `I${stats.ssrcs.audio.toString(36)}`,
    local_candidate_type: pair.localType,
    local_candidate_address: pair.localAddress,
    local_candidate_port: pair.localPort,
    local_candidate_protocol: pair.localProtocol,
    local_candidate_network_type: stats.device.networkType,
    ...(pair.localUrl ? { local_candidate_url: pair.localUrl } : {}),
    ...(pair.relatedAddress
      ? { local_candidate_related_address: pair.relatedAddress, local_candidate_related_port: pair.relatedPort }
      : {}),
    remote_candidate_id: `I${stats.ssrcs.video.toString(36)}`,
    remote_candidate_type: 'host',
    remote_candidate_address: pair.remoteAddress,
    remote_candidate_port: pair.remotePort,
    remote_candidate_protocol: 'udp',
    current_round_trip_time: pair.rttSeconds,
    total_round_trip_time: Math.round(pair.rttSeconds * 400 * 1000) / 1000,
    bytes_sent: pair.bytesSent,
    bytes_received: pair.bytesReceived,
    packets_sent: pair.packetsSent,
    packets_received: pair.packetsReceived,
    bytes_discarded_on_send: 0,
    packets_discarded_on_send: 0,
    available_outgoing_bitrate: pair.availableOutgoingBitrate,
    last_packet_sent_timestamp: lastPacketAt,
    last_packet_received_timestamp: lastPacketAt,
  };
}

function metadataJson(peer: PeerRecord, stats: PeerCallStats, filters: Filters): Json {
  const lastPacketAt = stats.audioSend[stats.audioSend.length - 1]?.t ?? peer.joinedAt;
  return {
    room_view_type: peer.participant.session.viewType === 'WEBINAR' ? 'webinar' : 'groupCall',
    ...(wants(filters, 'device_info')
      ? {
          browser_metadata: {
            browser: stats.device.browser,
            browser_version: stats.device.browserVersion,
            engine: stats.device.engine,
            user_agent: stats.device.userAgent,
            webgl_support: stats.device.isMobile ? null : true,
          },
          device_info: {
            cpus: stats.device.cpus,
            is_mobile: stats.device.isMobile,
            os: stats.device.os,
            os_version: stats.device.osVersion,
          },
          sdk_name: stats.sdk.name,
          sdk_type: stats.sdk.type,
          sdk_version: stats.sdk.version,
          audio_devices_updates: stats.audioDeviceUpdates.map(deviceUpdateJson),
          video_devices_updates: stats.videoDeviceUpdates.map(deviceUpdateJson),
          speaker_devices_updates: stats.speakerDeviceUpdates.map(deviceUpdateJson),
          selected_device_updates: stats.selectedDeviceUpdates.map((u) => ({ timestamp: isoTime(u.t), device: deviceJson(u.device) })),
        }
      : {}),
    ...(wants(filters, 'ip_information')
      ? {
          ip_information: {
            ...ipBaseJson(stats),
            asn: {
              asn: stats.location.asn,
              name: stats.location.org,
              domain: stats.location.domain,
              route: stats.location.route,
              type: 'isp',
            },
          },
        }
      : {}),
    ...(wants(filters, 'precall_network_information')
      ? {
          pc_metadata: [
            {
              timestamp: isoTime(peer.createdAt + 400),
              effective_network_type: stats.precall.effectiveNetworkType,
              reflexive_connectivity: stats.precall.reflexive,
              relay_connectivity: stats.precall.relay,
              turn_connectivity: stats.precall.turn,
              sdp: [
                'v=0',
                `o=- ${stats.ssrcs.audio} 2 IN IP4 127.0.0.1`,
                's=-',
                't=0 0',
                'a=group:BUNDLE 0 1',
                'a=extmap-allow-mixed',
                'a=msid-semantic: WMS',
              ],
            },
          ],
          candidate_pairs: {
            producing_transport: [candidatePairJson(stats.candidatePairs.producing, stats, lastPacketAt)],
            consuming_transport: [candidatePairJson(stats.candidatePairs.consuming, stats, lastPacketAt)],
          },
        }
      : {}),
    ...(wants(filters, 'events')
      ? {
          events: stats.events.map((e) => ({ name: e.name, timestamp: isoTime(e.t), metadata: e.metadata })),
        }
      : {}),
  };
}

function audioProducerJson(stats: PeerCallStats, s: AudioSendSample): Json {
  return {
    timestamp: isoTime(s.t),
    producer_id: stats.producerIds.audio,
    ssrc: stats.ssrcs.audio,
    mid: '0',
    mos_quality: s.mos,
    jitter: s.jitterMs,
    rtt: s.rttMs,
    packets_sent: s.packetsSent,
    packets_lost: s.packetsLost,
    bytes_sent: s.bytesSent,
  };
}

/** The sender a receive sample came from: named on the sample (stories) or the peer's one remote sender. */
function sourceJson(stats: PeerCallStats, source: ConsumerSource | undefined, kind: 'audio' | 'video'): Json {
  if (source) return { peer_id: source.peerId, producer_id: source.producerId, consumer_id: source.consumerId };
  const producerId = kind === 'audio' ? stats.remote?.audioProducerId : stats.remote?.videoProducerId;
  return { peer_id: stats.remote?.peerId, producer_id: producerId, consumer_id: stats.consumerIds[kind] };
}

function audioConsumerJson(stats: PeerCallStats, s: AudioReceiveSample): Json {
  return {
    timestamp: isoTime(s.t),
    ...sourceJson(stats, s.source, 'audio'),
    ssrc: stats.ssrcs.audio + 1,
    mid: '2',
    mos_quality: s.mos,
    jitter: s.jitterMs,
    packets_received: s.packetsReceived,
    packets_lost: s.packetsLost,
    bytes_received: s.bytesReceived,
    concealment_events: s.concealmentEvents,
    jitter_buffer_delay: s.jitterBufferDelayMs,
    jitter_buffer_emitted_count: s.jitterBufferEmittedCount,
  };
}

function videoProducerJson(producerId: string, ssrc: number, mid: string, s: VideoSendSample): Json {
  return {
    timestamp: isoTime(s.t),
    producer_id: producerId,
    ssrc,
    mid,
    mos_quality: s.mos,
    frame_width: s.width,
    frame_height: s.height,
    frames_per_second: s.fps,
    frames_encoded: s.framesEncoded,
    key_frames_encoded: s.keyFramesEncoded,
    quality_limitation_reason: s.limitation,
    quality_limitation_durations: s.limitationDurations,
    quality_limitation_resolution_changes: s.resolutionChanges,
    jitter: s.jitterMs,
    rtt: s.rttMs,
    packets_sent: s.packetsSent,
    packets_lost: s.packetsLost,
    bytes_sent: s.bytesSent,
    pli_count: s.pliCount,
    fir_count: s.firCount,
  };
}

function videoConsumerJson(stats: PeerCallStats, s: VideoReceiveSample): Json {
  return {
    timestamp: isoTime(s.t),
    ...sourceJson(stats, s.source, 'video'),
    ssrc: stats.ssrcs.video + 1,
    mid: '3',
    mos_quality: s.mos,
    frame_width: s.width,
    frame_height: s.height,
    frames_per_second: s.fps,
    frames_decoded: s.framesDecoded,
    frames_dropped: s.framesDropped,
    key_frames_decoded: s.keyFramesDecoded,
    jitter: s.jitterMs,
    packets_received: s.packetsReceived,
    packets_lost: s.packetsLost,
    bytes_received: s.bytesReceived,
    jitter_buffer_delay: s.jitterBufferDelayMs,
    jitter_buffer_emitted_count: s.jitterBufferEmittedCount,
    fir_count: s.firCount,
  };
}

function qualityJson(stats: PeerCallStats): Json {
  // A peer whose send-side statistics never arrived has no producer keys at all (stories).
  const producers = stats.audioSend.length > 0;
  const quality: Json = {
    ...(producers
      ? {
          audio_producer: stats.audioSend.map((s) => audioProducerJson(stats, s)),
          audio_producer_cumulative: audioProducerCumulative(stats.audioSend),
        }
      : {}),
    audio_consumer: stats.audioReceive.map((s) => audioConsumerJson(stats, s)),
    audio_consumer_cumulative: audioConsumerCumulative(stats.audioReceive),
    ...(producers
      ? {
          video_producer: stats.videoSend.map((s) => videoProducerJson(stats.producerIds.video, stats.ssrcs.video, '1', s)),
          video_producer_cumulative: videoProducerCumulative(stats.videoSend),
        }
      : {}),
    video_consumer: stats.videoReceive.map((s) => videoConsumerJson(stats, s)),
    video_consumer_cumulative: videoConsumerCumulative(stats.videoReceive),
  };
  if (stats.screenshareSend.length > 0) {
    quality.screenshare_video_producer = stats.screenshareSend.map((s) =>
      videoProducerJson(stats.producerIds.screenshare, stats.ssrcs.screenshare, '4', s),
    );
    quality.screenshare_video_producer_cumulative = videoProducerCumulative(stats.screenshareSend);
  }
  return quality;
}

export function currentPeerReport(peer: PeerRecord, includePeerEvents: boolean, filters: Filters): Json {
  const stats = callStatsFor(peer);
  const { participant } = peer;
  return {
    participant: {
      ...participantBaseJson(participant),
      session_id: participant.session.id,
      role: roleOf(participant),
      ...(includePeerEvents ? { peer_events: peerEventsJson(participant) } : {}),
      peer_report: {
        metadata: metadataJson(peer, stats, filters),
        ...(wants(filters, 'quality_stats') ? { quality: qualityJson(stats) } : {}),
      },
    },
  };
}

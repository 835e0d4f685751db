/**
 * Wire shapes of call statistics in both API generations (see shared/api/README.md). Every field is
 * optional and `Loose`: answers hold nulls, "null" strings and numbers as strings, so values are read
 * through coerce.ts. The names are the API's, checked by the compiler where normalizeStats reads them.
 */

/** What a field may really hold, whatever its documented type. */
export type Loose<T> = T | string | null | undefined;

// ---------- older generation (the seed pages) ----------

export type RawLegacyDeviceInfo = {
  browser?: Loose<string>;
  browser_version?: Loose<string>;
  cpus?: Loose<number>;
  engine?: Loose<string>;
  is_mobile?: Loose<boolean>;
  memory?: Loose<number>;
  os?: Loose<string>;
  os_version?: Loose<string>;
  sdk_name?: Loose<string>;
  sdk_version?: Loose<string>;
  user_agent?: Loose<string>;
  webgl_support?: Loose<string | boolean>;
};

export type RawLegacyIpInformation = {
  city?: Loose<string>;
  country?: Loose<string>;
  ip_location?: Loose<string>;
  ipv4?: Loose<string>;
  ip?: Loose<string>;
  org?: Loose<string>;
  portal?: Loose<string>;
  region?: Loose<string>;
  timezone?: Loose<string>;
  asn?: RawAsn | null;
};

export type RawLegacyPrecall = {
  rtt?: Loose<number>;
  backend_rtt?: Loose<number>;
  jitter?: Loose<number>;
  fractional_loss?: Loose<number>;
  /** Spelled so by the API. */
  throughtput?: Loose<number>;
  throughput?: Loose<number>;
  effective_networktype?: Loose<string>;
  reflexive_connectivity?: Loose<boolean>;
  relay_connectivity?: Loose<boolean>;
  turn_connectivity?: Loose<boolean>;
};

export type RawSdkEvent = {
  timestamp?: Loose<string>;
  /** Older answers name the event `type`, current ones `name`. */
  type?: Loose<string>;
  name?: Loose<string>;
  metadata?: unknown;
};

/** `peer_stats` of legacy participant details, and `peer_report.metadata` of a legacy peer report. */
export type RawLegacyPeerStats = {
  config?: Loose<string>;
  status?: Loose<string>;
  device_info?: RawLegacyDeviceInfo | null;
  ip_information?: RawLegacyIpInformation | null;
  precall_network_information?: RawLegacyPrecall | null;
  events?: RawSdkEvent[] | null;
};

/** One entry of `quality_stats` (one per peer), and `peer_report.quality` of a legacy peer report. */
export type RawLegacyQualityStats = {
  peer_id?: Loose<string>;
  start?: Loose<string>;
  end?: Loose<string>;
  average_quality?: Loose<number>;
  audio_bandwidth?: Loose<number>;
  video_bandwidth?: Loose<number>;
  audio_packet_loss?: Loose<number>;
  video_packet_loss?: Loose<number>;
  audio_stats?: RawQualitySample[] | null;
  video_stats?: RawQualitySample[] | null;
};

// ---------- current generation (the OpenAPI document, SDK 7.x) ----------

export type RawAsn = { asn?: Loose<string>; name?: Loose<string>; domain?: Loose<string>; route?: Loose<string>; type?: Loose<string> };

export type RawDevice = { device_id?: Loose<string>; kind?: Loose<string>; label?: Loose<string> };
export type RawDevicesUpdate = { timestamp?: Loose<string>; added?: RawDevice[] | null; removed?: RawDevice[] | null };

export type RawConnectivityCheck = {
  timestamp?: Loose<string>;
  effective_network_type?: Loose<string>;
  reflexive_connectivity?: Loose<boolean>;
  relay_connectivity?: Loose<boolean>;
  turn_connectivity?: Loose<boolean>;
  sdp?: unknown;
};

export type RawCandidatePair = {
  nominated?: Loose<boolean>;
  local_candidate_type?: Loose<string>;
  local_candidate_protocol?: Loose<string>;
  local_candidate_address?: Loose<string>;
  local_candidate_port?: Loose<number>;
  local_candidate_network_type?: Loose<string>;
  local_candidate_url?: Loose<string>;
  remote_candidate_type?: Loose<string>;
  remote_candidate_protocol?: Loose<string>;
  remote_candidate_address?: Loose<string>;
  remote_candidate_port?: Loose<number>;
  /** Seconds, as WebRTC reports it. */
  current_round_trip_time?: Loose<number>;
  /** Bits per second. */
  available_outgoing_bitrate?: Loose<number>;
  available_incoming_bitrate?: Loose<number>;
};

export type RawPeerReportMetadata = {
  browser_metadata?: {
    browser?: Loose<string>;
    browser_version?: Loose<string>;
    engine?: Loose<string>;
    user_agent?: Loose<string>;
    webgl_support?: Loose<string | boolean>;
  } | null;
  device_info?: {
    cpus?: Loose<number>;
    is_mobile?: Loose<boolean>;
    os?: Loose<string>;
    os_version?: Loose<string>;
    memory?: Loose<number>;
  } | null;
  native_metadata?: { audio_encoder?: Loose<string>; video_encoder?: Loose<string> } | null;
  sdk_name?: Loose<string>;
  sdk_type?: Loose<string>;
  sdk_version?: Loose<string>;
  room_view_type?: Loose<string>;
  ip_information?: RawLegacyIpInformation | null;
  pc_metadata?: RawConnectivityCheck[] | null;
  candidate_pairs?: { producing_transport?: RawCandidatePair[] | null; consuming_transport?: RawCandidatePair[] | null } | null;
  audio_devices_updates?: RawDevicesUpdate[] | null;
  video_devices_updates?: RawDevicesUpdate[] | null;
  speaker_devices_updates?: RawDevicesUpdate[] | null;
  selected_device_updates?: { timestamp?: Loose<string>; device?: RawDevice | null }[] | null;
  events?: RawSdkEvent[] | null;
};

/** A quality sample of either generation: current producer/consumer rows and legacy audio/video stats. */
export type RawQualitySample = {
  timestamp?: Loose<string>;
  /** Current generation's MOS; legacy answers call it `quality`. */
  mos_quality?: Loose<number>;
  quality?: Loose<number>;
  jitter?: Loose<number>;
  packets_lost?: Loose<number>;
  packets_received?: Loose<number>;
  packets_sent?: Loose<number>;
  bytes_received?: Loose<number>;
  bytes_sent?: Loose<number>;
  rtt?: Loose<number>;
  frames_per_second?: Loose<number>;
  frame_width?: Loose<number>;
  frame_height?: Loose<number>;
  frames_dropped?: Loose<number>;
  concealment_events?: Loose<number>;
  jitter_buffer_delay?: Loose<number>;
  quality_limitation_reason?: Loose<string>;
  /** Consumer rows: the remote sender. */
  peer_id?: Loose<string>;
  producer_id?: Loose<string>;
};

export type RawPercentiles = { avg?: Loose<number>; p50?: Loose<number>; p75?: Loose<number>; p90?: Loose<number> };

/** The `*_cumulative` summaries beside each sample array. */
export type RawCumulative = {
  quality_mos?: RawPercentiles | null;
  frame_per_second?: RawPercentiles | null;
  frame_width?: RawPercentiles | null;
  packet_loss?: { avg?: Loose<number> } | null;
  rtt?: { avg?: Loose<number> } | null;
  issues?: { cpu_quality_limitation_fraction?: Loose<number>; bandwidth_quality_limitation_fraction?: Loose<number> } | null;
};

/** `peer_report` of either generation: typed metadata/quality (current) or loose maps (legacy). */
export type RawPeerReport = { metadata?: unknown; quality?: unknown };

/**
 * Call statistics of a participant or peer, from either API generation, as PeerStats. Never throws:
 * whatever is missing stays undefined.
 *  - legacy details: `peer_stats` (the participant's latest peer) and `quality_stats[]` (one per peer);
 *  - legacy peer report: `peer_report.metadata` with the `peer_stats` keys, `peer_report.quality` as one
 *    `quality_stats` entry;
 *  - current peer report: typed `peer_report.metadata` and `peer_report.quality` (producer/consumer arrays
 *    and `*_cumulative` summaries).
 */
import {
  limitationCode,
  type CandidatePairModel,
  type ConnectivityCheck,
  type DeviceChange,
  type DeviceModel,
  type Direction,
  type Generation,
  type MediaKind,
  type NetworkModel,
  type PeerStats,
  type Percentiles,
  type PrecallModel,
  type QualityTrack,
  type SampleColumns,
  type SdkEventModel,
} from '../shared/model';
import type { MetricKey } from '../shared/metrics';
import { maxOf, minOf, selectRanks } from '../shared/extent';
import { bool, num, record, records, text, time } from './coerce';
import { QualityRows, type RowNumber } from './qualityRows';
import type {
  RawCandidatePair,
  RawConnectivityCheck,
  RawCumulative,
  RawDevicesUpdate,
  RawLegacyDeviceInfo,
  RawLegacyIpInformation,
  RawLegacyPeerStats,
  RawLegacyPrecall,
  RawLegacyQualityStats,
  RawPeerReport,
  RawPeerReportMetadata,
  RawSdkEvent,
} from './statsTypes';

type Json = Record<string, unknown>;

const CURRENT_METADATA_KEYS = ['browser_metadata', 'pc_metadata', 'candidate_pairs', 'sdk_name', 'native_metadata'];
const CURRENT_QUALITY_KEYS = [
  'audio_producer',
  'audio_consumer',
  'video_producer',
  'video_consumer',
  'screenshare_video_producer',
  'screenshare_audio_producer',
];

export function isCurrentReport(report: RawPeerReport): boolean {
  const metadata = record(report.metadata) ?? {};
  const quality = record(report.quality) ?? {};
  return CURRENT_METADATA_KEYS.some((key) => key in metadata) || CURRENT_QUALITY_KEYS.some((key) => key in quality);
}

export function peerStatsOf(participant: Json, hints: { peerId?: string } = {}): PeerStats[] {
  const report = record<RawPeerReport>(participant.peer_report);
  if (report) {
    const stats = isCurrentReport(report) ? currentReport(report, hints.peerId) : legacyReport(report, hints.peerId);
    return isEmpty(stats) ? [] : [stats];
  }
  return legacyDetails(participant);
}

function isEmpty(stats: PeerStats): boolean {
  return !stats.device && !stats.network && !stats.precall && stats.events.length === 0 && stats.tracks.length === 0;
}

// ---------- legacy ----------

function legacyDetails(participant: Json): PeerStats[] {
  const peerStats = record<RawLegacyPeerStats>(participant.peer_stats);
  const perPeer = records<RawLegacyQualityStats>(participant.quality_stats).map((entry) => legacyQualityEntry(entry));
  perPeer.sort((a, b) => (time(a.startedAt) ?? 0) - (time(b.startedAt) ?? 0));
  if (!peerStats) return perPeer;
  const shared = legacyMetadata(peerStats);
  if (perPeer.length === 0) return isEmpty({ ...shared, tracks: [] }) ? [] : [{ ...shared, tracks: [] }];
  // peer_stats describes the participant's latest connection: it belongs to the last peer.
  const last = perPeer[perPeer.length - 1];
  perPeer[perPeer.length - 1] = { ...last, ...shared, events: shared.events, tracks: last.tracks };
  return perPeer;
}

function legacyReport(report: RawPeerReport, peerId: string | undefined): PeerStats {
  const metadata = record<RawLegacyPeerStats>(report.metadata) ?? {};
  const quality = record<RawLegacyQualityStats>(report.quality);
  const fromQuality = quality ? legacyQualityEntry({ ...quality, peer_id: quality.peer_id ?? peerId }) : undefined;
  return {
    ...(fromQuality ?? { events: [], tracks: [] }),
    ...legacyMetadata(metadata),
    peerId: peerId ?? fromQuality?.peerId,
    tracks: fromQuality?.tracks ?? [],
    generation: 'legacy',
  };
}

function legacyMetadata(stats: RawLegacyPeerStats): Omit<PeerStats, 'tracks'> {
  const device = record<RawLegacyDeviceInfo>(stats.device_info);
  const ip = record<RawLegacyIpInformation>(stats.ip_information);
  const precall = record<RawLegacyPrecall>(stats.precall_network_information);
  return {
    generation: 'legacy',
    device: device ? legacyDevice(device) : undefined,
    network:
      ip || precall
        ? { ...ipInformation(ip ?? {}), networkType: text(precall?.effective_networktype), connectivity: [], candidatePairs: [] }
        : undefined,
    precall: precall ? legacyPrecall(precall) : undefined,
    events: records<RawSdkEvent>(stats.events).map((event) => ({
      at: text(event.timestamp),
      name: text(event.type) ?? text(event.name) ?? 'event',
      detail: detailOf(event.metadata),
    })),
  };
}

function legacyDevice(device: RawLegacyDeviceInfo): DeviceModel {
  return {
    browser: text(device.browser),
    browserVersion: text(device.browser_version),
    engine: text(device.engine),
    os: text(device.os),
    osVersion: text(device.os_version),
    isMobile: bool(device.is_mobile),
    cpus: num(device.cpus),
    memory: num(device.memory),
    userAgent: text(device.user_agent),
    webglSupport: text(device.webgl_support),
    sdkName: text(device.sdk_name),
    sdkVersion: text(device.sdk_version),
    deviceChanges: [],
  };
}

function legacyPrecall(precall: RawLegacyPrecall): PrecallModel {
  return {
    rttMs: num(precall.rtt),
    backendRttMs: num(precall.backend_rtt),
    jitterMs: num(precall.jitter),
    fractionalLoss: num(precall.fractional_loss),
    // "throughtput" is the API's spelling; a corrected spelling is read too.
    throughputKbps: num(precall.throughtput) ?? num(precall.throughput),
    networkType: text(precall.effective_networktype),
    reflexive: bool(precall.reflexive_connectivity),
    relay: bool(precall.relay_connectivity),
    turn: bool(precall.turn_connectivity),
  };
}

function legacyQualityEntry(entry: RawLegacyQualityStats): PeerStats {
  const audio = samplesOf(QualityRows.of(entry.audio_stats), 'unknown');
  const video = samplesOf(QualityRows.of(entry.video_stats), 'unknown');
  const tracks: QualityTrack[] = [];
  if (sampleCount(audio)) tracks.push(track('audio', 'unknown', {}, audio, { avgLossPct: num(entry.audio_packet_loss) }));
  if (sampleCount(video)) tracks.push(track('video', 'unknown', {}, video, { avgLossPct: num(entry.video_packet_loss) }));
  return {
    peerId: text(entry.peer_id),
    startedAt: text(entry.start),
    endedAt: text(entry.end),
    averageQuality: num(entry.average_quality),
    events: [],
    tracks,
    generation: 'legacy',
  };
}

// ---------- current ----------

function currentReport(report: RawPeerReport, peerId: string | undefined): PeerStats {
  const metadata = record<RawPeerReportMetadata>(report.metadata) ?? {};
  const quality = record(report.quality) ?? {};
  const tracks = currentTracks(quality);
  // Every track has a sample: its times are in order.
  const start = minOf(tracks.map((item) => item.columns.t[0]));
  const end = maxOf(tracks.map((item) => item.columns.t[item.columns.t.length - 1]));
  const events: SdkEventModel[] = records<RawSdkEvent>(metadata.events).map((event) => ({
    at: text(event.timestamp),
    name: text(event.name) ?? text(event.type) ?? 'event',
    detail: detailOf(event.metadata),
  }));
  return {
    peerId,
    startedAt: start === undefined ? undefined : new Date(start).toISOString(),
    endedAt: end === undefined ? undefined : new Date(end).toISOString(),
    device: currentDevice(metadata),
    network: currentNetwork(metadata),
    precall: currentPrecall(metadata),
    events: events.sort((a, b) => (time(a.at) ?? 0) - (time(b.at) ?? 0)),
    tracks,
    generation: 'current',
  };
}

function currentDevice(metadata: RawPeerReportMetadata): DeviceModel | undefined {
  const browser = metadata.browser_metadata ?? undefined;
  const device = metadata.device_info ?? undefined;
  const native = metadata.native_metadata ?? undefined;
  if (!browser && !device && !text(metadata.sdk_name)) return undefined;
  return {
    browser: text(browser?.browser),
    browserVersion: text(browser?.browser_version),
    engine: text(browser?.engine),
    userAgent: text(browser?.user_agent),
    webglSupport: text(browser?.webgl_support),
    os: text(device?.os),
    osVersion: text(device?.os_version),
    isMobile: bool(device?.is_mobile),
    cpus: num(device?.cpus),
    memory: num(device?.memory),
    sdkName: text(metadata.sdk_name),
    sdkType: text(metadata.sdk_type),
    sdkVersion: text(metadata.sdk_version),
    audioEncoder: text(native?.audio_encoder),
    videoEncoder: text(native?.video_encoder),
    deviceChanges: deviceChanges(metadata),
  };
}

function deviceChanges(metadata: RawPeerReportMetadata): DeviceChange[] {
  const changes: DeviceChange[] = [];
  for (const key of ['audio_devices_updates', 'video_devices_updates', 'speaker_devices_updates'] as const) {
    for (const update of records<RawDevicesUpdate>(metadata[key])) {
      const at = text(update.timestamp);
      for (const change of ['added', 'removed'] as const) {
        for (const device of records(update[change])) changes.push({ at, kind: text(device.kind), label: text(device.label), change });
      }
    }
  }
  for (const update of records<{ timestamp?: unknown; device?: unknown }>(metadata.selected_device_updates)) {
    const device = record<{ kind?: unknown; label?: unknown }>(update.device);
    changes.push({ at: text(update.timestamp), kind: text(device?.kind), label: text(device?.label), change: 'selected' });
  }
  return changes.sort((a, b) => (time(a.at) ?? 0) - (time(b.at) ?? 0));
}

function ipInformation(ip: RawLegacyIpInformation): Omit<NetworkModel, 'connectivity' | 'candidatePairs'> {
  const asn = ip.asn ? record<NonNullable<RawLegacyIpInformation['asn']>>(ip.asn) : undefined;
  return {
    ipv4: text(ip.ipv4) ?? text(ip.ip),
    city: text(ip.city),
    region: text(ip.region),
    country: text(ip.country),
    timezone: text(ip.timezone),
    org: text(ip.org),
    asn: asn
      ? { asn: text(asn.asn), name: text(asn.name), domain: text(asn.domain), route: text(asn.route), type: text(asn.type) }
      : undefined,
  };
}

function currentNetwork(metadata: RawPeerReportMetadata): NetworkModel | undefined {
  const ip = record<RawLegacyIpInformation>(metadata.ip_information);
  const checks: ConnectivityCheck[] = records<RawConnectivityCheck>(metadata.pc_metadata).map((check) => ({
    at: text(check.timestamp),
    networkType: text(check.effective_network_type),
    reflexive: bool(check.reflexive_connectivity),
    relay: bool(check.relay_connectivity),
    turn: bool(check.turn_connectivity),
  }));
  const pairsRoot = record<NonNullable<RawPeerReportMetadata['candidate_pairs']>>(metadata.candidate_pairs) ?? {};
  const pairs = [
    ...records<RawCandidatePair>(pairsRoot.producing_transport).map((pair) => candidatePair(pair, 'producing')),
    ...records<RawCandidatePair>(pairsRoot.consuming_transport).map((pair) => candidatePair(pair, 'consuming')),
  ];
  if (!ip && checks.length === 0 && pairs.length === 0) return undefined;
  const networkType = [...checks].reverse().find((check) => check.networkType)?.networkType;
  return { ...ipInformation(ip ?? {}), networkType, connectivity: checks, candidatePairs: pairs };
}

function candidatePair(pair: RawCandidatePair, transport: CandidatePairModel['transport']): CandidatePairModel {
  const rttSeconds = num(pair.current_round_trip_time);
  const kbps = (value: unknown) => {
    const bps = num(value);
    return bps === undefined ? undefined : Math.round(bps / 100) / 10;
  };
  return {
    transport,
    nominated: bool(pair.nominated),
    localType: text(pair.local_candidate_type),
    localProtocol: text(pair.local_candidate_protocol),
    localAddress: text(pair.local_candidate_address),
    localPort: num(pair.local_candidate_port),
    localNetworkType: text(pair.local_candidate_network_type),
    localRelayUrl: text(pair.local_candidate_url),
    remoteType: text(pair.remote_candidate_type),
    remoteProtocol: text(pair.remote_candidate_protocol),
    remoteAddress: text(pair.remote_candidate_address),
    remotePort: num(pair.remote_candidate_port),
    // WebRTC reports round-trip time in seconds.
    currentRttMs: rttSeconds === undefined ? undefined : Math.round(rttSeconds * 10_000) / 10,
    availableOutgoingKbps: kbps(pair.available_outgoing_bitrate),
    availableIncomingKbps: kbps(pair.available_incoming_bitrate),
  };
}

/** The current shape has no pre-call block: the first connectivity check and the pre-call event stand in. */
function currentPrecall(metadata: RawPeerReportMetadata): PrecallModel | undefined {
  const first = records<RawConnectivityCheck>(metadata.pc_metadata)[0];
  const precallEvent = records<RawSdkEvent>(metadata.events).find((event) => /precall/i.test(text(event.name) ?? ''));
  const eventData = record<RawLegacyPrecall>(precallEvent?.metadata) ?? {};
  if (!first && !precallEvent) return undefined;
  return {
    rttMs: num(eventData.rtt),
    jitterMs: num(eventData.jitter),
    fractionalLoss: num(eventData.fractional_loss),
    throughputKbps: num(eventData.throughput) ?? num(eventData.throughtput),
    networkType: text(first?.effective_network_type),
    reflexive: bool(first?.reflexive_connectivity) ?? bool(eventData.reflexive_connectivity),
    relay: bool(first?.relay_connectivity) ?? bool(eventData.relay_connectivity),
    turn: bool(first?.turn_connectivity) ?? bool(eventData.turn_connectivity),
  };
}

const CURRENT_TRACKS: Array<[string, MediaKind, Direction]> = [
  ['audio_producer', 'audio', 'producer'],
  ['audio_consumer', 'audio', 'consumer'],
  ['video_producer', 'video', 'producer'],
  ['video_consumer', 'video', 'consumer'],
  ['screenshare_audio_producer', 'screenshare_audio', 'producer'],
  ['screenshare_audio_consumer', 'screenshare_audio', 'consumer'],
  ['screenshare_video_producer', 'screenshare_video', 'producer'],
  ['screenshare_video_consumer', 'screenshare_video', 'consumer'],
];

function currentTracks(quality: Record<string, unknown>): QualityTrack[] {
  const tracks: QualityTrack[] = [];
  for (const [key, kind, direction] of CURRENT_TRACKS) {
    const rows = QualityRows.of(quality[key]);
    const summary = cumulativeSummary(record<RawCumulative>(quality[`${key}_cumulative`]));
    if (direction === 'consumer') {
      // One consumer array holds every remote sender: one track per producer received (per sending peer when
      // rows name no producer).
      const byProducer = new Map<string, number[]>();
      for (let index = 0; index < rows.length; index++) {
        const producer = rows.text('producer_id', index);
        const groupKey = producer === undefined ? `peer:${rows.text('peer_id', index) ?? ''}` : `producer:${producer}`;
        const group = byProducer.get(groupKey);
        if (group) group.push(index);
        else byProducer.set(groupKey, [index]);
      }
      for (const indexes of byProducer.values()) {
        const group = byProducer.size === 1 ? rows : rows.pick(indexes);
        const samples = samplesOf(group, direction);
        const links = { remotePeerId: group.firstText('peer_id'), producerId: group.firstText('producer_id') };
        if (sampleCount(samples)) tracks.push(track(kind, direction, links, samples, byProducer.size === 1 ? summary : {}));
      }
    } else {
      const samples = samplesOf(rows, direction);
      if (sampleCount(samples)) tracks.push(track(kind, direction, { producerId: rows.firstText('producer_id') }, samples, summary));
    }
  }
  return tracks;
}

/**
 * Where an answer holds quality rows (path: the keys and indexes from its root), with what reads them as
 * they are parsed; normalisation takes those in place of arrays (QualityRows.of). Exactly the arrays
 * peerStatsOf reads as rows: `peer_report.quality`'s tracks (or a legacy report's audio/video stats) and
 * the audio/video stats of a legacy `quality_stats` entry.
 */
export function qualityRowsAt(path: readonly (string | number)[]): QualityRows | undefined {
  const [grandparent, parent, key] = path.slice(-3);
  const legacyStats = key === 'audio_stats' || key === 'video_stats';
  const inReport = grandparent === 'peer_report' && parent === 'quality';
  const rows =
    (inReport && (legacyStats || CURRENT_TRACKS.some(([trackKey]) => trackKey === key))) ||
    (grandparent === 'quality_stats' && typeof parent === 'number' && legacyStats);
  return rows ? new QualityRows() : undefined;
}

function percentiles(value: unknown): Percentiles | undefined {
  const source = record(value);
  if (!source) return undefined;
  const result = { avg: num(source.avg), p50: num(source.p50), p75: num(source.p75), p90: num(source.p90) };
  return Object.values(result).some((item) => item !== undefined) ? result : undefined;
}

function cumulativeSummary(cumulative: RawCumulative | undefined): QualityTrack['summary'] {
  if (!cumulative) return {};
  const issues = record<NonNullable<RawCumulative['issues']>>(cumulative.issues) ?? {};
  return {
    mos: percentiles(cumulative.quality_mos),
    fps: percentiles(cumulative.frame_per_second),
    frameWidth: percentiles(cumulative.frame_width),
    avgLossPct: num(record<{ avg?: unknown }>(cumulative.packet_loss)?.avg),
    avgRttMs: num(record<{ avg?: unknown }>(cumulative.rtt)?.avg),
    cpuLimitedFraction: num(issues.cpu_quality_limitation_fraction),
    bandwidthLimitedFraction: num(issues.bandwidth_quality_limitation_fraction),
  };
}

type TrackLinks = Pick<QualityTrack, 'remotePeerId' | 'producerId'>;

/** A track's samples in columns, and why its sender limited its quality when any sample says. */
type TrackSamples = Pick<QualityTrack, 'columns' | 'limitation'>;

const sampleCount = (samples: TrackSamples) => samples.columns.t.length;

/** The mean of a column's values (NaN is absent), to two decimals. */
function mean(column: ArrayLike<number> | undefined): number | undefined {
  if (!column) return undefined;
  let sum = 0;
  let count = 0;
  for (let i = 0; i < column.length; i++) {
    const value = column[i];
    if (Number.isNaN(value)) continue;
    sum += value;
    count += 1;
  }
  return count ? Math.round((sum / count) * 100) / 100 : undefined;
}

function track(
  kind: MediaKind,
  direction: Direction,
  links: TrackLinks,
  samples: TrackSamples,
  summary: QualityTrack['summary'],
): QualityTrack {
  const { columns } = samples;
  const meanMos = summary.mos ? undefined : mean(columns.mos);
  return {
    kind,
    direction,
    remotePeerId: links.remotePeerId,
    producerId: links.producerId,
    columns,
    limitation: samples.limitation,
    summary: {
      ...summary,
      mos: summary.mos ?? (meanMos === undefined ? undefined : { avg: meanMos }),
      avgLossPct: summary.avgLossPct ?? mean(columns.lossPct),
      avgRttMs: summary.avgRttMs ?? mean(columns.rttMs),
      avgJitterMs: mean(columns.jitterMs),
    },
  };
}

/** Packet and byte counters may be per interval or running totals: running totals become deltas, in place. */
function toPerInterval(values: Float64Array): void {
  let first: number | undefined;
  let previous: number | undefined;
  let count = 0;
  for (const value of values) {
    if (Number.isNaN(value)) continue;
    if (previous !== undefined && value < previous) return;
    first ??= value;
    previous = value;
    count += 1;
  }
  if (count < 3 || previous === undefined || first === undefined || !(previous > first * 5 && previous > 0)) return;
  // Each value minus the last value present before it; the first has none.
  let last: number | undefined;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (Number.isNaN(value)) continue;
    values[i] = last === undefined ? Number.NaN : value - last;
    last = value;
  }
}

/** The indexes of the rows that have a time, in time order (stable), with their times. */
function inTimeOrder(rows: QualityRows): { order: number[]; t: Float64Array } {
  let order: number[] = [];
  const times: number[] = [];
  let sorted = true;
  for (let index = 0; index < rows.length; index++) {
    const t = rows.time(index);
    if (Number.isNaN(t)) continue;
    if (times.length > 0 && t < times[times.length - 1]) sorted = false;
    order.push(index);
    times.push(t);
  }
  if (!sorted) {
    const byTime = Array.from(times, (_, index) => index).sort((a, b) => times[a] - times[b]);
    order = byTime.map((index) => order[index]);
    return { order, t: new Float64Array(byTime.map((index) => times[index])) };
  }
  return { order, t: new Float64Array(times) };
}

/** The median of the positive intervals between samples: the interval of the first sample. */
function typicalGap(t: Float64Array): number {
  const gaps = new Float64Array(Math.max(0, t.length - 1));
  let count = 0;
  for (let i = 1; i < t.length; i++) if (t[i] > t[i - 1]) gaps[count++] = t[i] - t[i - 1];
  if (count === 0) return 5_000;
  const positive = gaps.subarray(0, count);
  const middle = Math.floor(count / 2);
  selectRanks(positive, [middle]);
  return positive[middle];
}

/**
 * For each sample (rows by `order`), the first of the fields its row has a value for, NaN where it has
 * none; undefined when no sample has any. A plain loop over the rows' columns: a reader called per value
 * took most of normalising's time.
 */
function gathered(rows: QualityRows, order: readonly number[], fields: readonly RowNumber[]): Float64Array | undefined {
  const sources = fields.map((field) => rows.column(field)).filter((column) => column !== undefined);
  if (sources.length === 0) return undefined;
  const values = new Float64Array(order.length);
  let any = false;
  for (let i = 0; i < order.length; i++) {
    const row = order[i];
    let value = Number.NaN;
    for (let source = 0; source < sources.length && Number.isNaN(value); source++) value = sources[source][row];
    values[i] = value;
    if (!Number.isNaN(value)) any = true;
  }
  return any ? values : undefined;
}

/**
 * The rows' values as the track's columns, in time order: one pass per counter and per metric, no
 * object per sample (a 100,000-row report's objects cost more in garbage collection than reading it).
 */
function samplesOf(rows: QualityRows, direction: Direction): TrackSamples {
  const { order, t } = inTimeOrder(rows);
  const count = order.length;
  const counterKey = direction === 'consumer' ? 'packets_received' : 'packets_sent';
  const absent = () => new Float64Array(count).fill(Number.NaN);
  const lost = gathered(rows, order, ['packets_lost']) ?? absent();
  const counted = gathered(rows, order, [counterKey, 'packets_received', 'packets_sent']) ?? absent();
  const bytes = gathered(rows, order, ['bytes_sent', 'bytes_received']) ?? absent();
  toPerInterval(lost);
  toPerInterval(counted);
  toPerInterval(bytes);
  const firstInterval = typicalGap(t);
  const columns: SampleColumns = { t };
  const metrics: Array<[MetricKey, RowNumber[]]> = [
    ['mos', ['mos_quality', 'quality']],
    ['jitterMs', ['jitter']],
    ['rttMs', ['rtt']],
    ['fps', ['frames_per_second']],
    ['height', ['frame_height']],
  ];
  for (const [key, fields] of metrics) {
    const values = gathered(rows, order, fields);
    if (values) columns[key] = values;
  }
  /** The column of what `value` gives each sample (by its index), made at the first value: none when no sample has one. */
  const fill = (key: MetricKey, value: (index: number) => number | undefined) => {
    let values: Float64Array | undefined;
    for (let i = 0; i < count; i++) {
      const found = value(i);
      if (found === undefined) continue;
      values ??= new Float64Array(count).fill(Number.NaN);
      values[i] = found;
    }
    if (values) columns[key] = values;
  };
  fill('lossPct', (i) => {
    const total = lost[i] + counted[i];
    // NaN (a counter absent) fails the comparison too.
    return total > 0 ? Math.round((lost[i] / total) * 10_000) / 100 : undefined;
  });
  fill('bitrateKbps', (i) => {
    if (Number.isNaN(bytes[i])) return undefined;
    const interval = i > 0 ? Math.max(1, t[i] - t[i - 1]) : firstInterval;
    return Math.round((bytes[i] * 8) / interval);
  });
  let limitation: Uint8Array | undefined;
  for (let i = 0; i < count; i++) {
    const reason = rows.text('quality_limitation_reason', order[i]);
    if (reason === undefined) continue;
    limitation ??= new Uint8Array(count);
    limitation[i] = limitationCode(reason);
  }
  return { columns, limitation };
}

/** A short text of an event's metadata, for the timeline. */
function detailOf(metadata: unknown): string | undefined {
  const data = record(metadata);
  if (!data) return text(metadata);
  const parts = Object.entries(data)
    .filter(([, value]) => value !== null && typeof value !== 'object')
    .map(([key, value]) => `${key}: ${String(value)}`);
  const joined = parts.join(', ');
  return joined ? (joined.length > 160 ? `${joined.slice(0, 160)}…` : joined) : undefined;
}

/** Names of what the answer did not contain, for "Not in this answer: …". */
export function absentSections(stats: readonly PeerStats[], peerEventCount: number, generations: readonly Generation[]): string[] {
  const absent: string[] = [];
  const none = (has: (peer: PeerStats) => boolean) => !stats.some(has);
  if (none((peer) => peer.device !== undefined)) absent.push('device information');
  if (none((peer) => peer.network !== undefined)) absent.push('network information');
  if (none((peer) => peer.precall !== undefined)) absent.push('pre-call test');
  if (none((peer) => peer.tracks.length > 0)) absent.push('quality statistics');
  if (none((peer) => peer.events.length > 0)) absent.push('SDK events');
  if (peerEventCount === 0) absent.push('peer events');
  if (generations.length === 0 && stats.length === 0) absent.push('call statistics of either API generation');
  return absent;
}

/**
 * Detects what went wrong in a call from the normalised statistics: each issue with the figures that show
 * it and what it means. Thresholds live in thresholds.ts. Pure; nothing is invented for absent data.
 */
import { maxOf, minOf } from '../shared/extent';
import { trackLabel, type MetricKey } from '../shared/metrics';
import {
  issueWindowsOf,
  limitationCode,
  type DetectedIssue,
  type InspectedParticipant,
  type IssueWindowOf,
  type PeerStats,
  type QualityTrack,
  type Severity,
  type Verdict,
} from '../shared/model';
import { clock, median, round, sustained, type Stretch } from './series';
import { PRECALL_LIMITS, THRESHOLDS } from './thresholds';
import { isCamera, isVideo } from './trackKinds';

const SEVERITY_ORDER: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

function peerName(peer: Pick<PeerStats, 'peerId'>): string {
  return peer.peerId ? `peer ${peer.peerId.slice(0, 8)}` : 'this peer';
}

/**
 * "peak 12 % for 35 s from 09:12:05 UTC", and with more stretches the worst of them, which decides the
 * severity: "peak 31 % for 12 s from 09:40:10 UTC (the worst of 3 stretches, 80 s in all; the first from
 * 09:12:05)". `worst`: whether a high or a low value is the bad one.
 */
function describeStretches(stretches: Stretch[], unit: string, worst: 'max' | 'min', peakWord: string): string {
  const [first] = stretches;
  const quoted = worstStretch(stretches, worst);
  const total = stretches.reduce((sum, stretch) => sum + stretch.seconds, 0);
  const all = `${stretches.length} stretches, ${round(total, 0)} s in all`;
  const more =
    stretches.length === 1
      ? ''
      : quoted === first
        ? ` (the first and worst of ${all})`
        : ` (the worst of ${all}; the first from ${clock(first.from)})`;
  return `${peakWord} ${round(quoted.peak)}${unit} for ${round(quoted.seconds, 0)} s from ${clock(quoted.from)} UTC${more}`;
}

/** The stretch with the worst peak (the first of equals): the one quoted, and shown on the charts. */
function worstStretch(stretches: Stretch[], worst: 'max' | 'min'): Stretch {
  const worse = (a: Stretch, b: Stretch) => (worst === 'max' ? b.peak > a.peak : b.peak < a.peak);
  return stretches.reduce((kept, stretch) => (worse(kept, stretch) ? stretch : kept), stretches[0]);
}

/** The window "Show on the charts" zooms to: the stretch the evidence quotes (see describeStretches). */
function window(stretches: Stretch[], worst?: 'max' | 'min'): { from: number; to: number } {
  const shown = worst ? worstStretch(stretches, worst) : stretches[0];
  return { from: shown.from, to: shown.to };
}

type Rule = (peer: PeerStats, track: QualityTrack) => DetectedIssue | undefined;

/** Which way the track's media went, and from whom when it was received. */
function sideOf(track: QualityTrack): Pick<DetectedIssue, 'received' | 'sender'> {
  const received = track.direction === 'consumer';
  return received && track.remotePeerId ? { received, sender: track.remotePeerId } : { received };
}

const senderOf = (side: Pick<DetectedIssue, 'sender'>) => (side.sender ? { sender: side.sender } : {});

function trackRule(options: {
  rule: string;
  title: string;
  metric: MetricKey;
  isBad: (value: number) => boolean;
  minSeconds: number;
  unit: string;
  worst?: 'max' | 'min';
  critical: (stretches: Stretch[]) => boolean;
  explanation: (track: QualityTrack) => string;
  applies?: (track: QualityTrack) => boolean;
}): Rule {
  return (peer, track) => {
    if (options.applies && !options.applies(track)) return undefined;
    const stretches = sustained(track.columns.t, track.columns[options.metric], options.isBad, options.minSeconds, options.worst);
    if (stretches.length === 0) return undefined;
    const shown = window(stretches, options.worst ?? 'max');
    // Each critical stretch besides the one quoted: who affected whom must account for every one.
    const side = sideOf(track);
    const otherCritical = stretches
      .filter((stretch) => (stretch.from !== shown.from || stretch.to !== shown.to) && options.critical([stretch]))
      .map(({ from, to }): IssueWindowOf => ({ from, to, severity: 'critical', ...senderOf(side) }));
    const severity: Severity = options.critical(stretches) ? 'critical' : 'warning';
    return {
      rule: options.rule,
      severity,
      title: `${options.title} (${trackLabel(track)})`,
      evidence: `${peerName(peer)}, ${trackLabel(track)}: ${describeStretches(stretches, options.unit, options.worst ?? 'max', options.worst === 'min' ? 'low' : 'peak')}`,
      explanation: options.explanation(track),
      peerId: peer.peerId,
      ...side,
      ...shown,
      ...(otherCritical.length ? { windows: [{ ...shown, severity, ...senderOf(side) }, ...otherCritical] } : {}),
    };
  };
}

const side = (track: QualityTrack) =>
  track.direction === 'consumer'
    ? 'on the way to this participant'
    : track.direction === 'producer'
      ? 'on the way from this participant'
      : 'on this connection';

const TRACK_RULES: Rule[] = [
  trackRule({
    rule: 'sustained-packet-loss',
    title: 'Sustained packet loss',
    metric: 'lossPct',
    isBad: (v) => v > THRESHOLDS.loss.percent,
    minSeconds: THRESHOLDS.loss.minSeconds,
    unit: ' %',
    critical: (stretches) => stretches.some((s) => s.peak >= THRESHOLDS.loss.criticalPercent),
    explanation: (track) =>
      `Packets were lost ${side(track)} for a while: audio breaks up and video freezes or blurs. Usually a congested or weak network (Wi-Fi far from the router, mobile data, a busy uplink); try a wired connection or closing uploads.`,
  }),
  trackRule({
    rule: 'high-jitter',
    title: 'High jitter',
    metric: 'jitterMs',
    isBad: (v) => v > THRESHOLDS.jitter.ms,
    minSeconds: THRESHOLDS.jitter.minSeconds,
    unit: ' ms',
    critical: (stretches) => stretches.some((s) => s.peak >= THRESHOLDS.jitter.criticalMs),
    explanation: (track) =>
      `Packets arrived unevenly ${side(track)}, so the receiver had to buffer more (delay) or drop late audio (robotic sound). Typical of Wi-Fi interference or a saturated link.`,
  }),
  trackRule({
    rule: 'low-mos',
    title: 'Low call quality (MOS)',
    metric: 'mos',
    isBad: (v) => v < THRESHOLDS.mos.below,
    minSeconds: THRESHOLDS.mos.minSeconds,
    unit: '',
    worst: 'min',
    critical: (stretches) => stretches.some((s) => s.peak < THRESHOLDS.mos.critical),
    explanation: () =>
      `The estimated quality score (MOS, 1 to 5) stayed below ${THRESHOLDS.mos.below}: most people notice and many are dissatisfied at this level. It follows from loss, jitter and delay on the path.`,
  }),
  trackRule({
    rule: 'high-rtt',
    title: 'High round-trip time',
    metric: 'rttMs',
    isBad: (v) => v > THRESHOLDS.rtt.ms,
    minSeconds: THRESHOLDS.rtt.minSeconds,
    unit: ' ms',
    critical: (stretches) => stretches.some((s) => s.peak >= THRESHOLDS.rtt.criticalMs),
    explanation: () =>
      `Round trips above ${THRESHOLDS.rtt.ms} ms make people talk over each other. Often a distant or relayed route, a VPN, or a congested uplink; check where the participant connects from and whether media went through a relay.`,
  }),
  trackRule({
    rule: 'fps-drop',
    title: 'Frame rate dropped',
    metric: 'fps',
    isBad: (v) => v < THRESHOLDS.fps.below,
    minSeconds: THRESHOLDS.fps.minSeconds,
    unit: ' fps',
    worst: 'min',
    applies: isCamera,
    critical: (stretches) => stretches.some((s) => s.peak < THRESHOLDS.fps.below / 2),
    explanation: (track) =>
      track.direction === 'producer'
        ? 'The camera was sent at a low frame rate, so motion looked choppy to everyone. Usually the sender’s CPU or uplink could not keep up (see quality limitation).'
        : 'Video from the other side arrived at a low frame rate: the sender’s limits or loss on the way.',
  }),
];

/** A fall of a whole MOS point between the first and last quarter of the call. */
function fallingMos(peer: PeerStats, track: QualityTrack): DetectedIssue | undefined {
  const { t, mos } = track.columns;
  if (!mos) return undefined;
  // The samples with a MOS, by index.
  const measured = new Uint32Array(mos.length);
  let count = 0;
  for (let i = 0; i < mos.length; i++) if (!Number.isNaN(mos[i])) measured[count++] = i;
  if (count < 8) return undefined;
  const quarter = Math.floor(count / 4);
  const mosOf = (from: number, to: number) => {
    const values = new Float64Array(to - from);
    for (let i = from; i < to; i++) values[i - from] = mos[measured[i]];
    return values;
  };
  const start = median(mosOf(0, quarter));
  const end = median(mosOf(count - quarter, count));
  if (start === undefined || end === undefined || start - end < THRESHOLDS.mos.fallBy) return undefined;
  return {
    rule: 'falling-mos',
    severity: 'warning',
    title: `Quality fell during the call (${trackLabel(track)})`,
    evidence: `${peerName(peer)}, ${trackLabel(track)}: MOS median ${round(start, 2)} in the first quarter, ${round(end, 2)} in the last`,
    explanation:
      'Quality got steadily worse rather than dipping once: something changed on the path or the device (another upload started, battery saver, moving away from Wi-Fi).',
    peerId: peer.peerId,
    ...sideOf(track),
    from: t[measured[count - quarter]],
    to: t[measured[count - 1]],
  };
}

/** Height at half the track's best or lower, for a while. */
function resolutionDowngrade(peer: PeerStats, track: QualityTrack): DetectedIssue | undefined {
  if (!isVideo(track)) return undefined;
  const { t, height } = track.columns;
  const best = height && maxOf(height);
  if (best === undefined || best <= 0) return undefined;
  const stretches = sustained(t, height, (h) => h <= best * THRESHOLDS.resolution.downgradeFactor, THRESHOLDS.resolution.minSeconds, 'min');
  if (stretches.length === 0) return undefined;
  return {
    rule: 'resolution-downgrade',
    severity: 'warning',
    title: `Resolution downgraded (${trackLabel(track)})`,
    evidence: `${peerName(peer)}, ${trackLabel(track)}: ${best}p down to ${describeStretches(stretches, 'p', 'min', 'as low as')}`,
    explanation:
      'The video was scaled down to half its best height or less. WebRTC does this when bandwidth or CPU runs short; the picture looks soft or blocky.',
    peerId: peer.peerId,
    ...sideOf(track),
    ...window(stretches, 'min'),
  };
}

function qualityLimitation(peer: PeerStats, track: QualityTrack, reason: 'cpu' | 'bandwidth'): DetectedIssue | undefined {
  if (!isVideo(track) || track.direction === 'consumer') return undefined;
  const codes = track.limitation;
  const code = limitationCode(reason);
  // 1 where a sample names this reason, 0 where another, NaN where none: the values stretches are found in.
  let limitedBy: Float64Array | undefined;
  let given = 0;
  let byReason = 0;
  if (codes) {
    limitedBy = new Float64Array(codes.length);
    for (let i = 0; i < codes.length; i++) {
      if (codes[i] === 0) {
        limitedBy[i] = Number.NaN;
        continue;
      }
      given += 1;
      if (codes[i] === code) {
        limitedBy[i] = 1;
        byReason += 1;
      }
    }
  }
  const stretches = sustained(track.columns.t, limitedBy, (v) => v === 1, THRESHOLDS.limitation.minSeconds);
  const sampledFraction = given ? byReason / given : undefined;
  const fraction = (reason === 'cpu' ? track.summary.cpuLimitedFraction : track.summary.bandwidthLimitedFraction) ?? sampledFraction;
  if (stretches.length === 0 && (fraction === undefined || fraction < THRESHOLDS.limitation.minFraction)) return undefined;
  const share = fraction === undefined ? '' : `limited by ${reason} ${round(fraction * 100, 0)} % of the time`;
  const longest = stretches.length
    ? `, longest stretch ${round(maxOf(stretches.map((s) => s.seconds))!, 0)} s from ${clock(stretches[0].from)} UTC`
    : '';
  return {
    rule: reason === 'cpu' ? 'cpu-limited' : 'bandwidth-limited',
    severity: (fraction ?? 0) >= 0.3 ? 'critical' : 'warning',
    title: reason === 'cpu' ? `Sender limited by CPU (${trackLabel(track)})` : `Sender limited by bandwidth (${trackLabel(track)})`,
    evidence: `${peerName(peer)}, ${trackLabel(track)}: quality_limitation_reason "${reason}"${share ? `, ${share}` : ''}${longest}`,
    explanation:
      reason === 'cpu'
        ? 'The browser lowered the video because the computer’s processor could not encode fast enough: close other apps and tabs, plug in the laptop, lower the camera resolution or turn off background effects.'
        : 'The browser lowered the video because the estimated upload bandwidth was too small: a weak uplink, other uploads, or loss on the way.',
    peerId: peer.peerId,
    received: false,
    ...(stretches.length ? window(stretches) : {}),
  };
}

function connectivityIssues(peer: PeerStats): DetectedIssue[] {
  const issues: DetectedIssue[] = [];
  const network = peer.network;
  const chosen = network?.candidatePairs.filter((pair) => pair.nominated) ?? [];
  const relayed = chosen.filter((pair) => pair.localType === 'relay' || pair.remoteType === 'relay');
  const checks = [
    ...(network?.connectivity ?? []),
    ...(peer.precall ? [{ reflexive: peer.precall.reflexive, relay: peer.precall.relay, turn: peer.precall.turn, at: undefined }] : []),
  ];
  const relayOnly = checks.some((check) => check.reflexive === false && check.relay === true);
  if (relayed.length > 0 || relayOnly) {
    issues.push({
      rule: 'relay-only',
      severity: 'warning',
      title: 'Media went through a TURN relay',
      evidence: `${peerName(peer)}: ${relayed.length ? `chosen candidate pair ${relayed.map((pair) => `${pair.transport} ${pair.localType ?? '?'} -> ${pair.remoteType ?? '?'} over ${pair.localProtocol ?? '?'}`).join('; ')}` : ''}${relayed.length && relayOnly ? '; ' : ''}${relayOnly ? 'direct (reflexive/STUN) connectivity failed, relay worked' : ''}`,
      explanation:
        'A firewall or strict NAT blocked direct UDP paths, so media was relayed (often over TCP/TLS 443). That adds delay and is more sensitive to loss; allowing UDP to the media servers avoids it.',
      peerId: peer.peerId,
    });
  }
  const failed = checks.filter((check) => check.turn === false || check.reflexive === false);
  const turnFailed = checks.some((check) => check.turn === false);
  if (turnFailed || (failed.length > 0 && !relayOnly)) {
    const what = [turnFailed ? 'TURN' : undefined, checks.some((check) => check.reflexive === false) ? 'reflexive (STUN)' : undefined]
      .filter(Boolean)
      .join(' and ');
    issues.push({
      rule: 'connectivity-failed',
      severity: turnFailed && checks.some((check) => check.reflexive === false) ? 'critical' : 'warning',
      title: `${what} connectivity failed`,
      evidence: `${peerName(peer)}: ${failed.length} connectivity check${failed.length === 1 ? '' : 's'} reported ${what} as failing${failed[0]?.at ? ` (first at ${clock(Date.parse(failed[0].at))} UTC)` : ''}`,
      explanation:
        'Some ways of reaching the media servers were blocked. With fewer fallbacks, a network change can drop the call; check firewall rules for UDP and TURN (TCP/TLS 443).',
      peerId: peer.peerId,
    });
  }
  return issues;
}

function precallIssues(peer: PeerStats): DetectedIssue[] {
  const precall = peer.precall;
  if (!precall) return [];
  const problems: string[] = [];
  if (precall.rttMs !== undefined && precall.rttMs > THRESHOLDS.rtt.ms) problems.push(`RTT ${precall.rttMs} ms`);
  if (precall.jitterMs !== undefined && precall.jitterMs > THRESHOLDS.jitter.ms) problems.push(`jitter ${precall.jitterMs} ms`);
  if (precall.fractionalLoss !== undefined && precall.fractionalLoss * 100 > THRESHOLDS.loss.percent)
    problems.push(`loss ${round(precall.fractionalLoss * 100)} %`);
  if (precall.throughputKbps !== undefined && precall.throughputKbps < PRECALL_LIMITS.minThroughputKbps)
    problems.push(`throughput ${precall.throughputKbps} kbit/s`);
  if (problems.length === 0) return [];
  return [
    {
      rule: 'poor-precall',
      severity: 'warning',
      title: 'The pre-call network test was already poor',
      evidence: `${peerName(peer)}: ${problems.join(', ')}`,
      explanation:
        'The network was weak before the call started, so later trouble is likely the participant’s connection rather than the service.',
      peerId: peer.peerId,
    },
  ];
}

function deviceChangeIssue(peer: PeerStats, joinedAt: number | undefined): DetectedIssue | undefined {
  const changes = peer.device?.deviceChanges ?? [];
  const start = joinedAt ?? minOf(changes.map((change) => Date.parse(change.at ?? '')).filter((t) => !Number.isNaN(t)));
  if (start === undefined) return undefined;
  const midCall = changes.filter((change) => {
    const at = Date.parse(change.at ?? '');
    return !Number.isNaN(at) && at - start > THRESHOLDS.deviceChange.setupSeconds * 1000;
  });
  if (midCall.length === 0) return undefined;
  const first = midCall[0];
  return {
    rule: 'device-change',
    severity: 'info',
    title: 'Devices changed during the call',
    evidence: `${peerName(peer)}: ${midCall.length} change${midCall.length === 1 ? '' : 's'}, first at ${clock(Date.parse(first.at!))} UTC: ${first.change} ${first.kind ?? 'device'}${first.label ? ` "${first.label}"` : ''}`,
    explanation: 'A headset or camera was plugged in, removed or switched. Audio or video may have cut out or changed at those moments.',
    peerId: peer.peerId,
    from: Date.parse(first.at!),
    to: Date.parse(midCall[midCall.length - 1].at!),
  };
}

function reconnectIssue(participant: InspectedParticipant): DetectedIssue | undefined {
  const count = Math.max(participant.peers.length, participant.peerStats.length);
  if (count < 2) return undefined;
  const starts = participant.peers.map((peer) => peer.firstSeen).filter((at): at is string => Boolean(at));
  return {
    rule: 'reconnects',
    severity: count > 2 ? 'critical' : 'warning',
    title: `Reconnected ${count - 1} time${count === 2 ? '' : 's'}`,
    evidence: `${count} peers in this session${
      starts.length > 1
        ? `, new connections at ${starts
            .slice(1)
            .map((at) => `${clock(Date.parse(at))} UTC`)
            .join(', ')}`
        : ''
    }`,
    explanation:
      'Each reconnect is a new peer: the participant dropped out and came back (network switch, sleep, a crashed tab, or a failed connection). Look at the peer before each reconnect for the cause.',
  };
}

/** The " (audio sent)" that names the track at the end of a title. */
const TRACK_SUFFIX = / \(([^()]*)\)$/;

/**
 * One issue per rule, peer, side and explanation: the tracks that show it are listed together, the worst
 * one leads. Loss on the way from the participant and loss on the way to it are two issues, each
 * explained; so are a low MOS of what it sent and of what it received, as only the second can be another
 * participant's doing.
 */
function mergeByRule(issues: DetectedIssue[]): DetectedIssue[] {
  const groups = new Map<string, DetectedIssue[]>();
  for (const issue of issues) {
    const side = issue.received === undefined ? '' : issue.received ? 'received' : 'sent';
    const key = `${issue.rule}/${issue.peerId ?? ''}/${side}/${issue.explanation}`;
    groups.set(key, [...(groups.get(key) ?? []), issue]);
  }
  return [...groups.values()].map((group) => {
    if (group.length === 1) return group[0];
    const sorted = [...group].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
    const lead = sorted[0];
    const tracks = group.map((issue) => TRACK_SUFFIX.exec(issue.title)?.[1]).filter(Boolean);
    const title = lead.title.replace(TRACK_SUFFIX, '');
    const prefix = lead.peerId ? `${peerName(lead)}, ` : '';
    const evidence = sorted
      .map((issue, i) => (i > 0 && prefix && issue.evidence.startsWith(prefix) ? issue.evidence.slice(prefix.length) : issue.evidence))
      .join('; ');
    const received = group.some((issue) => issue.received);
    const windows = new Map<string, IssueWindowOf>();
    for (const window of sorted.flatMap(issueWindowsOf)) {
      const key = `${window.from}-${window.to}-${window.sender ?? ''}`;
      if (!windows.has(key)) windows.set(key, window);
    }
    const senders = new Set(group.map((issue) => issue.sender));
    const { sender: _leadSender, ...rest } = lead;
    return {
      ...rest,
      title: tracks.length ? `${title} (${tracks.join(', ')})` : title,
      evidence,
      received,
      ...(windows.size > 1 ? { windows: [...windows.values()] } : {}),
      ...(senders.size === 1 && lead.sender ? { sender: lead.sender } : {}),
    };
  });
}

export function detectIssues(participant: InspectedParticipant, known?: ReadonlyMap<PeerStats, DetectedIssue[]>): DetectedIssue[] {
  const issues: DetectedIssue[] = [];
  const joinedAt = Date.parse(participant.joinedAt ?? '');
  for (const peer of participant.peerStats) {
    issues.push(...(known?.get(peer) ?? peerIssues(peer)));
    const deviceChange = deviceChangeIssue(peer, Number.isNaN(joinedAt) ? undefined : joinedAt);
    if (deviceChange) issues.push(deviceChange);
  }
  const reconnect = reconnectIssue(participant);
  if (reconnect) issues.push(reconnect);
  return mergeByRule(issues).sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.from ?? Infinity) - (b.from ?? Infinity),
  );
}

/**
 * What one peer's own statistics show, unmerged, as detectIssues takes them: the stats worker finds a
 * peer report's as soon as it came, and the participant's analysis (`known`) only adds the rest.
 */
export function peerIssues(peer: PeerStats): DetectedIssue[] {
  const issues: DetectedIssue[] = [];
  for (const track of peer.tracks) {
    for (const rule of TRACK_RULES) {
      const issue = rule(peer, track);
      if (issue) issues.push(issue);
    }
    for (const issue of [
      fallingMos(peer, track),
      resolutionDowngrade(peer, track),
      qualityLimitation(peer, track, 'cpu'),
      qualityLimitation(peer, track, 'bandwidth'),
    ]) {
      if (issue) issues.push(issue);
    }
    const avgLoss = track.summary.avgLossPct;
    // Legacy series carry no loss per sample, only the call's average.
    if (avgLoss !== undefined && avgLoss > THRESHOLDS.loss.percent && !track.columns.lossPct) {
      issues.push({
        rule: 'sustained-packet-loss',
        severity: avgLoss >= THRESHOLDS.loss.criticalPercent ? 'critical' : 'warning',
        title: `High average packet loss (${trackLabel(track)})`,
        evidence: `${peerName(peer)}, ${trackLabel(track)}: ${round(avgLoss)} % loss on average over the call`,
        explanation: 'Packets were lost over much of the call: audio breaks up and video freezes. Usually a congested or weak network.',
        peerId: peer.peerId,
        ...sideOf(track),
      });
    }
  }
  issues.push(...connectivityIssues(peer), ...precallIssues(peer));
  return issues;
}

export function verdictOf(issues: readonly DetectedIssue[], participant: InspectedParticipant): Verdict {
  const hasStats = participant.peerStats.some((peer) => peer.tracks.length > 0 || peer.network || peer.precall || peer.device);
  if (!hasStats && issues.length === 0) {
    return {
      level: 'unknown',
      line:
        participant.kind === 'meetingParticipant'
          ? 'Meeting participants carry no call statistics.'
          : 'No call statistics in this answer, so the call cannot be judged.',
    };
  }
  const critical = issues.filter((issue) => issue.severity === 'critical');
  const warnings = issues.filter((issue) => issue.severity === 'warning');
  // "High jitter" -> "high jitter", but "TURN ..." keeps its capitals.
  const lower = (title: string) => (/^[A-Z][a-z]/.test(title) ? title[0].toLowerCase() + title.slice(1) : title);
  const headline = (list: readonly DetectedIssue[]) =>
    [...new Set(list.map((issue) => lower(issue.title.replace(TRACK_SUFFIX, ''))))].slice(0, 3).join(', ');
  if (critical.length)
    return { level: 'poor', line: `Poor call: ${headline(critical)}${warnings.length ? `; also ${headline(warnings)}` : ''}.` };
  if (warnings.length) return { level: 'degraded', line: `Degraded call: ${headline(warnings)}.` };
  return { level: 'good', line: issues.length ? 'Good call: only minor notes below.' : 'Good call: no issues found in the statistics.' };
}

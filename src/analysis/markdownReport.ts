/** A Markdown report of one inspection, to paste into a ticket. API text is escaped, never markup. */
import { formatDuration, formatTime } from '../shared/format';
import { trackLabel } from '../shared/metrics';
import { maxOf, minOf } from '../shared/extent';
import type { DetectedIssue, InspectedParticipant, PeerStats, QualityTrack, Verdict } from '../shared/model';
import { round } from './series';

/**
 * Escapes what Markdown or HTML would act on (emphasis, code, links, tables, tags, entities) so API text
 * shows literally wherever the report is rendered. Text never starts a line here, so line-start
 * markers (#, -, 1.) need no escaping.
 */
export function escapeMarkdown(value: string): string {
  return (
    value
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/[\\`*_[\]|~]/g, (char) => `\\${char}`)
      // Every line terminator a renderer may honour: a lone \r or U+2028/U+2029 could start a heading too.
      .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
  );
}

const md = (value: string | number | boolean | undefined): string => (value === undefined ? '–' : escapeMarkdown(String(value)));

function table(headings: string[], rows: (string | number | boolean | undefined)[][]): string[] {
  return [
    `| ${headings.join(' | ')} |`,
    `|${headings.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.map(md).join(' | ')} |`),
  ];
}

function fixed(value: number | undefined, digits = 1): string | undefined {
  return value === undefined ? undefined : String(round(value, digits));
}

function trackFigures(track: QualityTrack): (string | undefined)[] {
  const { t, height, fps } = track.columns;
  const range = (column: Iterable<number> | undefined, show: (value: number) => string) => {
    const low = column && minOf(column);
    const high = column && maxOf(column);
    return low === undefined || high === undefined ? undefined : `${show(low)}–${show(high)}`;
  };
  return [
    trackLabel(track),
    String(t.length),
    fixed(track.summary.mos?.p50 ?? track.summary.mos?.avg, 2),
    fixed(track.summary.mos?.p90, 2),
    fixed(track.summary.avgLossPct),
    fixed(track.summary.avgJitterMs),
    fixed(track.summary.avgRttMs, 0),
    range(fps, (value) => String(round(value))),
    range(height, (value) => `${value}p`),
  ];
}

function peerSection(peer: PeerStats, index: number): string[] {
  const lines = [`### Peer ${index + 1}${peer.peerId ? `: ${md(peer.peerId)}` : ''}`, ''];
  const facts: string[] = [];
  if (peer.startedAt || peer.endedAt) facts.push(`- Connected: ${md(formatTime(peer.startedAt))} to ${md(formatTime(peer.endedAt))}`);
  const device = peer.device;
  if (device) {
    facts.push(
      `- Device: ${md([device.browser, device.browserVersion].filter(Boolean).join(' ') || undefined)} on ${md([device.os, device.osVersion].filter(Boolean).join(' ') || undefined)}${device.isMobile ? ' (mobile)' : ''}${device.cpus !== undefined ? `, ${device.cpus} CPU cores` : ''}`,
    );
    if (device.sdkName) facts.push(`- SDK: ${md(`${device.sdkName} ${device.sdkVersion ?? ''}`.trim())}`);
  }
  const network = peer.network;
  if (network) {
    facts.push(
      `- Network: ${md([network.city, network.region, network.country].filter(Boolean).join(', ') || undefined)}; ${md(network.org ?? network.asn?.name)}${network.asn?.asn ? ` (${md(network.asn.asn)})` : ''}; type ${md(network.networkType)}`,
    );
    for (const pair of network.candidatePairs.filter((candidate) => candidate.nominated)) {
      facts.push(
        `- Chosen ICE pair (${md(pair.transport)}): ${md(pair.localType)} → ${md(pair.remoteType)} over ${md(pair.localProtocol)}${pair.currentRttMs !== undefined ? `, RTT ${md(pair.currentRttMs)} ms` : ''}`,
      );
    }
  }
  const precall = peer.precall;
  if (precall) {
    const parts = [
      precall.rttMs !== undefined ? `RTT ${precall.rttMs} ms` : undefined,
      precall.jitterMs !== undefined ? `jitter ${precall.jitterMs} ms` : undefined,
      precall.fractionalLoss !== undefined ? `loss ${round(precall.fractionalLoss * 100)} %` : undefined,
      precall.throughputKbps !== undefined ? `throughput ${precall.throughputKbps} kbit/s` : undefined,
      precall.reflexive !== undefined ? `STUN ${precall.reflexive ? 'ok' : 'failed'}` : undefined,
      precall.relay !== undefined ? `relay ${precall.relay ? 'ok' : 'failed'}` : undefined,
      precall.turn !== undefined ? `TURN ${precall.turn ? 'ok' : 'failed'}` : undefined,
    ].filter(Boolean);
    if (parts.length) facts.push(`- Pre-call test: ${md(parts.join(', '))}`);
  }
  lines.push(...facts);
  if (peer.tracks.length) {
    lines.push(
      '',
      ...table(
        ['Track', 'Samples', 'MOS p50', 'MOS p90', 'Loss avg %', 'Jitter avg ms', 'RTT avg ms', 'fps', 'Resolution'],
        peer.tracks.map(trackFigures),
      ),
    );
  }
  return [...lines, ''];
}

export function markdownReport(
  participant: InspectedParticipant,
  issues: readonly DetectedIssue[],
  verdict: Verdict,
  options: { generatedAt?: string } = {},
): string {
  const name = participant.displayName ?? participant.id ?? 'Unnamed participant';
  const lines: string[] = [`# RealtimeKit call report: ${md(name)}`, ''];
  const rows: [string, string | number | undefined][] = [
    ['Participant ID', participant.id],
    ['Session ID', participant.sessionId],
    ['User ID', participant.userId],
    ['Custom participant ID', participant.customParticipantId],
    ['Preset', participant.presetName],
    ['Joined', participant.joinedAt ? formatTime(participant.joinedAt) : undefined],
    ['Left', participant.leftAt ? formatTime(participant.leftAt) : undefined],
    ['Duration', participant.durationMinutes !== undefined ? formatDuration(participant.durationMinutes) : undefined],
    ['Peers', participant.peers.length || undefined],
    ['Data shape', participant.generations.join(' + ') || 'no statistics'],
  ];
  lines.push(
    ...table(
      ['Field', 'Value'],
      rows.filter(([, value]) => value !== undefined),
    ),
    '',
  );
  lines.push('## Verdict', '', md(verdict.line), '');
  lines.push('## Detected issues', '');
  if (issues.length === 0) lines.push('None found in the statistics of this answer.', '');
  for (const issue of issues) {
    lines.push(
      `- **${md(issue.title)}** (${issue.severity})`,
      `  - Evidence: ${md(issue.evidence)}`,
      `  - What it means: ${md(issue.explanation)}`,
    );
  }
  if (issues.length) lines.push('');
  if (participant.peerStats.length) {
    lines.push('## Key figures', '');
    participant.peerStats.forEach((peer, index) => lines.push(...peerSection(peer, index)));
  }
  if (participant.peerEvents.length) {
    lines.push(
      '## Peer events',
      '',
      ...table(
        ['Time (UTC)', 'Event', 'Peer'],
        participant.peerEvents.map((event) => [formatTime(event.at), event.name, event.peerId]),
      ),
      '',
    );
  }
  if (participant.absent.length) lines.push(`Not in this answer: ${md(participant.absent.join(', '))}.`, '');
  lines.push(`_Generated by RealtimeKit Inspector${options.generatedAt ? ` on ${md(formatTime(options.generatedAt))}` : ''}._`, '');
  return lines.join('\n');
}

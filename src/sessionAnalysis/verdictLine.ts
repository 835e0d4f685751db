/**
 * The session in one line, for the panel header and the report: how many had a poor or degraded call
 * and why, what is not known yet, and whose send side hurt others.
 */
import type { ParticipantRow } from '../shared/session';
import { sendSideOf } from './problemWindows';
import { rowName } from './ranking';

/** How a participant's leading issue reads after "2 …". */
const ISSUE_PHRASES: Record<string, string> = {
  'sustained-packet-loss': 'with sustained packet loss',
  'high-jitter': 'with high jitter',
  'low-mos': 'with low MOS',
  'falling-mos': 'with falling quality',
  'high-rtt': 'with high round-trip time',
  'fps-drop': 'with frame-rate drops',
  'resolution-downgrade': 'with lowered resolution',
  'cpu-limited': 'CPU-limited',
  'bandwidth-limited': 'bandwidth-limited',
  'relay-only': 'relayed through TURN',
  'connectivity-failed': 'with failed connectivity checks',
  'poor-precall': 'with a poor pre-call test',
  reconnects: 'reconnecting',
  'device-change': 'with device changes',
};

const phrase = (rule: string | undefined) => (rule ? (ISSUE_PHRASES[rule] ?? `with ${rule}`) : 'for no stated reason');

/** "2 with sustained packet loss, 1 CPU-limited", most common first. */
function breakdown(rows: readonly ParticipantRow[]): string {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(phrase(row.issues[0]), (counts.get(phrase(row.issues[0])) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([text, count]) => `${count} ${text}`)
    .join(', ');
}

/** "Sam Rivera's uplink degraded the call for 3 others" (or "sent video", "send side"), the two senders who affected most. */
function attributionSentences(rows: readonly ParticipantRow[]): string[] {
  return rows
    .map((row) => ({
      row,
      receivers: new Set(row.affected.map((item) => item.participantId)),
      certain: row.affected.some((item) => item.confidence !== 'likely'),
      sides: sendSideOf(row.affected.map((item) => item.rule)),
    }))
    .filter((item) => item.receivers.size > 0)
    .sort((a, b) => b.receivers.size - a.receivers.size || rowName(a.row).localeCompare(rowName(b.row)))
    .slice(0, 2)
    .map(
      ({ row, receivers, certain, sides }) =>
        `${rowName(row)}'s ${sides} ${certain ? '' : 'likely '}degraded the call for ${receivers.size} other${receivers.size === 1 ? '' : 's'}`,
    );
}

export function sessionVerdictLine(rows: readonly ParticipantRow[]): string {
  const total = rows.length;
  if (total === 0) return 'No participants in this session.';
  const judged = rows.filter((row) => row.state === 'analysed');
  const poor = judged.filter((row) => row.verdict === 'poor');
  const degraded = judged.filter((row) => row.verdict === 'degraded');
  // Each part reads after its count: the first one as "3 of 12 participants had …", the others as "4 degraded".
  const parts: Array<{ count: number; first: string; later?: string }> = [
    { count: poor.length, first: `had a poor call: ${breakdown(poor)}` },
    { count: degraded.length, first: `had a degraded call: ${breakdown(degraded)}`, later: `degraded (${breakdown(degraded)})` },
    { count: judged.filter((row) => row.verdict === 'good').length, first: 'had a good call', later: 'good' },
    { count: judged.filter((row) => row.verdict === 'unknown').length, first: 'have no call statistics', later: 'without call statistics' },
    { count: rows.filter((row) => row.state === 'failed').length, first: 'could not be read' },
    { count: rows.filter((row) => row.state !== 'analysed' && row.state !== 'failed').length, first: 'not analysed yet' },
  ].filter((part) => part.count > 0);
  const summary = parts
    .map((part, i) =>
      i === 0
        ? `${part.count} of ${total} participant${total === 1 ? '' : 's'} ${part.first}`
        : `${part.count} ${part.later ?? part.first}`,
    )
    .join('; ');
  return `${[summary, ...attributionSentences(rows)].join('. ')}.`;
}

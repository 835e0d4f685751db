/** Text of the table's cells. Pure: no DOM, so the wording is unit-tested. */
import { formatDuration } from '../../shared/format';
import type { ParticipantRow } from '../../shared/session';

const round = (value: number, digits: number) => {
  const factor = 10 ** digits;
  return String(Math.round(value * factor) / factor);
};

/** "09:05:03" UTC; the day is in the header. */
export function clockText(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '';
  return new Date(ms).toISOString().slice(11, 19);
}

export function durationText(minutes: number | undefined): string {
  return minutes === undefined ? '' : formatDuration(minutes);
}

export function peersText(row: ParticipantRow): string {
  const peers = row.peerIds.length;
  if (peers === 0) return '';
  return row.reconnects > 0 ? `${peers} (${row.reconnects} reconnect${row.reconnects === 1 ? '' : 's'})` : String(peers);
}

export function networkText(row: ParticipantRow): string {
  const relay = row.relay === true ? 'relay (TURN)' : row.relay === false ? 'direct' : undefined;
  return [row.networkType, relay].filter(Boolean).join(' · ');
}

export const mosText = (row: ParticipantRow) => (row.worstMos === undefined ? '' : round(row.worstMos, 2));
export const lossText = (row: ParticipantRow) => (row.worstLossPct === undefined ? '' : `${round(row.worstLossPct, 1)} %`);
export const rttText = (row: ParticipantRow) => (row.p95RttMs === undefined ? '' : `${Math.round(row.p95RttMs)} ms`);

/** An issue title's list of tracks: " (audio sent, video received from 34dcacae)". */
const TRACK_LIST = / \(((?:audio|video|screenshare)[^()]*)\)$/;

/**
 * The top issue without its list of tracks, which filled the cell and cut off who caused it ("Low call
 * quality (MOS)"); the whole title stays in the cell's tooltip.
 */
export function issueHeadline(title: string): string {
  return title.replace(TRACK_LIST, '');
}

/** A leading issue in a word or two, for a cell that must also say who caused it. */
const SHORT_ISSUES: Readonly<Record<string, string>> = {
  'sustained-packet-loss': 'Packet loss',
  'high-jitter': 'High jitter',
  'low-mos': 'Low MOS',
  'falling-mos': 'Falling quality',
  'high-rtt': 'High RTT',
  'fps-drop': 'Low frame rate',
  'resolution-downgrade': 'Lower resolution',
  'cpu-limited': 'CPU-limited',
  'bandwidth-limited': 'Bandwidth-limited',
};

/** The top issue as its cell shows it: short when a cause follows it, so the cause is in sight too. */
export function topIssueText(row: Pick<ParticipantRow, 'topIssue' | 'issues' | 'causedBy'>): string {
  const short = row.causedBy.length > 0 && row.issues[0] !== undefined ? SHORT_ISSUES[row.issues[0]] : undefined;
  return short ?? issueHeadline(row.topIssue ?? '');
}

/** "caused by Sam, Alex" from the rows' names; an unknown ID is shown as the ID. */
export function causedByText(row: ParticipantRow, nameOf: (participantId: string) => string | undefined): string {
  const names = [...new Set(row.causedBy.map((cause) => nameOf(cause.participantId) ?? cause.participantId))];
  return names.length ? `caused by ${names.join(', ')}` : '';
}

export const VERDICT_WORDS: Record<ParticipantRow['verdict'], string> = {
  poor: 'Poor',
  degraded: 'Degraded',
  unknown: 'Unknown',
  good: 'Good',
};

/** What a metric cell says while the row has no figures yet. */
export function pendingText(row: ParticipantRow): string | undefined {
  switch (row.state) {
    case 'waiting':
      return 'waiting';
    case 'analysing':
      return 'analysing';
    case 'skipped':
      return 'not analysed';
    default:
      return undefined;
  }
}

/** Places peer events, SDK events, device changes and issues on one time axis (seconds). Pure. */
import type { DetectedIssue, PeerEventModel, PeerStats } from '../../shared/model';

export interface TimelineEvent {
  t: number;
  lane: TimelineLane;
  name: string;
  detail?: string;
}

export type TimelineLane = 'Peer events' | 'SDK events' | 'Device changes' | 'Issues';
export const LANES: readonly TimelineLane[] = ['Issues', 'Device changes', 'SDK events', 'Peer events'];

const seconds = (iso: string | undefined) => {
  const ms = Date.parse(iso ?? '');
  return Number.isNaN(ms) ? undefined : ms / 1000;
};

export function timelineEvents(
  peerEvents: readonly PeerEventModel[],
  peer: Pick<PeerStats, 'peerId' | 'events' | 'device'> | undefined,
  issues: readonly DetectedIssue[],
): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  const push = (t: number | undefined, lane: TimelineLane, name: string, detail?: string) => {
    if (t !== undefined) events.push({ t, lane, name, detail });
  };
  // Another peer's joins and leaves belong on its own charts: after a reconnect they would stretch this
  // peer's time axis over the whole session (a soak test's first peer drew in the first third of it).
  for (const event of peerEvents)
    if (!event.peerId || !peer?.peerId || event.peerId === peer.peerId)
      push(seconds(event.at), 'Peer events', event.name, event.peerId ? `peer ${event.peerId}` : undefined);
  for (const event of peer?.events ?? []) push(seconds(event.at), 'SDK events', event.name, event.detail);
  for (const change of peer?.device?.deviceChanges ?? [])
    push(seconds(change.at), 'Device changes', `${change.change} ${change.kind ?? 'device'}`, change.label);
  for (const issue of issues) {
    if (issue.from !== undefined && (!peer?.peerId || !issue.peerId || issue.peerId === peer.peerId))
      push(issue.from / 1000, 'Issues', issue.title, issue.evidence);
  }
  return events.sort((a, b) => a.t - b.t);
}

export interface TimelineModel {
  x: number[];
  /** One series per lane: the lane's row number where an event stands, else null. */
  series: { lane: TimelineLane; values: (number | null)[]; names: (string | null)[] }[];
}

export function timelineModel(events: readonly TimelineEvent[]): TimelineModel {
  const x = [...new Set(events.map((event) => event.t))].sort((a, b) => a - b);
  const index = new Map(x.map((t, i) => [t, i]));
  const series = LANES.map((lane, row) => {
    const values: (number | null)[] = new Array(x.length).fill(null);
    const names: (string | null)[] = new Array(x.length).fill(null);
    for (const event of events) {
      if (event.lane !== lane) continue;
      const i = index.get(event.t)!;
      values[i] = row + 1;
      names[i] = names[i] ? `${names[i]}, ${event.name}` : event.name;
    }
    return { lane, values, names };
  });
  return { x, series: series.filter((item) => item.values.some((value) => value !== null)) };
}

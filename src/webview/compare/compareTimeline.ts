/**
 * The compare panel's events lanes: one lane per participant on the charts' time axis (seconds), its SDK
 * events as points and its issue windows as shaded spans, plus the same as a list for the table view. Pure.
 */
import type { ComparedParticipant } from '../../shared/compare';
import type { Severity } from '../../shared/model';

export interface IssueSpan {
  /** Seconds. */
  from: number;
  to: number;
  title: string;
  severity: Severity;
}

export interface Lane {
  participantId: string;
  label: string;
  colour: number;
  /** The lane's height on the y axis: the first participant is the top lane. */
  row: number;
  /** Aligned with the timeline's x: the row where the lane has an event, else null. */
  values: (number | null)[];
  /** The event names at each x ("a, b" when several fall on the same moment). */
  names: (string | null)[];
  windows: IssueSpan[];
}

export interface TimelineEntry {
  /** Seconds. */
  t: number;
  /** Seconds: the end of an issue window. */
  to?: number;
  participant: string;
  kind: 'event' | 'issue';
  name: string;
  detail?: string;
}

export interface CompareTimeline {
  /** Seconds, ascending: every event time and every window's edges. */
  x: number[];
  lanes: Lane[];
  /** Everything on the lanes, in time order. */
  entries: TimelineEntry[];
}

const seconds = (iso: string | undefined) => {
  const ms = Date.parse(iso ?? '');
  return Number.isNaN(ms) ? undefined : ms / 1000;
};

/** Lanes for participants with events or issue windows; `names` maps IDs to their display names. */
export function compareTimeline(participants: readonly ComparedParticipant[], names: ReadonlyMap<string, string>): CompareTimeline {
  const entries: TimelineEntry[] = [];
  const pending = participants.flatMap((p) => {
    const label = names.get(p.participantId) ?? p.participantId;
    const events = p.events.flatMap((event) => {
      const t = seconds(event.at);
      return t === undefined ? [] : [{ t, name: event.name, detail: event.detail }];
    });
    const windows = p.issues.flatMap((issue) =>
      issue.from !== undefined && issue.to !== undefined && issue.to >= issue.from
        ? [{ from: issue.from / 1000, to: issue.to / 1000, title: issue.title, severity: issue.severity }]
        : [],
    );
    if (events.length === 0 && windows.length === 0) return [];
    for (const event of events) entries.push({ t: event.t, participant: label, kind: 'event', name: event.name, detail: event.detail });
    for (const window of windows)
      entries.push({ t: window.from, to: window.to, participant: label, kind: 'issue', name: window.title, detail: window.severity });
    return [{ p, label, events, windows }];
  });
  const x = [
    ...new Set(pending.flatMap(({ events, windows }) => [...events.map((event) => event.t), ...windows.flatMap((w) => [w.from, w.to])])),
  ].sort((a, b) => a - b);
  const index = new Map(x.map((t, i) => [t, i]));
  const lanes = pending.map(({ p, label, events, windows }, order): Lane => {
    const row = pending.length - order;
    const values: (number | null)[] = new Array(x.length).fill(null);
    const eventNames: (string | null)[] = new Array(x.length).fill(null);
    for (const event of events) {
      const i = index.get(event.t)!;
      values[i] = row;
      eventNames[i] = eventNames[i] ? `${eventNames[i]}, ${event.name}` : event.name;
    }
    return { participantId: p.participantId, label, colour: p.colour, row, values, names: eventNames, windows };
  });
  return { x, lanes, entries: entries.sort((a, b) => a.t - b.t) };
}

/**
 * The compare panel's chart data: for every metric and direction (sent, received), one series per
 * participant on one time axis shared by every chart, combining that participant's tracks of that
 * direction (worst, lowest or sum at each moment). Pure, so it is unit-tested without a DOM.
 */
import type { ComparedParticipant } from '../../shared/compare';
import { METRICS, type MetricKey } from '../../shared/metrics';
import type { Direction } from '../../shared/model';
import type { MetricColumn, WireTrack } from '../../shared/wire';
import { hasValue, lowerBound, sharedAxis, type ChartModel, type ChartSeries } from '../charts/chartData';
import { heldLinesSource, type HeldLine } from '../charts/heldLines';

/** How a participant's tracks of one direction become one value at each moment. */
interface Combination {
  pick: 'min' | 'max' | 'sum';
  /** Said in the chart's subtitle. */
  word: 'worst' | 'lowest' | 'sum';
}

export const COMBINATIONS: Record<MetricKey, Combination> = {
  mos: { pick: 'min', word: 'worst' },
  lossPct: { pick: 'max', word: 'worst' },
  jitterMs: { pick: 'max', word: 'worst' },
  rttMs: { pick: 'max', word: 'worst' },
  bitrateKbps: { pick: 'sum', word: 'sum' },
  fps: { pick: 'min', word: 'lowest' },
  height: { pick: 'min', word: 'lowest' },
};

const DIRECTIONS: ReadonlyArray<{ direction: Direction; id: string; title: string; tracks: string }> = [
  { direction: 'producer', id: 'sent', title: 'sent', tracks: 'sent tracks' },
  { direction: 'consumer', id: 'received', title: 'received', tracks: 'received tracks' },
  // Some answers do not say which way a track goes: charted apart rather than guessed.
  { direction: 'unknown', id: 'other', title: 'direction not reported', tracks: 'tracks whose direction is not reported' },
];

export interface CompareChart {
  /** "loss-received": stable, for saved state and the DOM. */
  id: string;
  /** Series labelled with participant names, coloured with their palette index; x in seconds. */
  model: ChartModel;
  /** Aligned with model.series. */
  participantIds: string[];
  /** What each series is, e.g. "Per participant: the worst of its received tracks at each moment". */
  subtitle: string;
}

/**
 * Display names as shown in legends and lines: the name, or the ID when there is none; a name that two
 * participants share gets the start of its ID, so the legend tells them apart.
 */
export function participantNames(participants: readonly Pick<ComparedParticipant, 'participantId' | 'displayName'>[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const p of participants) if (p.displayName) counts.set(p.displayName, (counts.get(p.displayName) ?? 0) + 1);
  return new Map(
    participants.map((p) => [
      p.participantId,
      !p.displayName
        ? p.participantId
        : counts.get(p.displayName)! > 1
          ? `${p.displayName} (${p.participantId.slice(0, 8)})`
          : p.displayName,
    ]),
  );
}

/** Gaps looked at for a track's typical gap: a median of this many evenly spread ones is as good, and sorts fast. */
const GAPS_SAMPLED = 511;

/** The typical gap between a track's samples: how long one sample stands for on the shared axis. */
function medianInterval(t: Float64Array): number {
  if (t.length < 2) return 0;
  const count = Math.min(t.length - 1, GAPS_SAMPLED);
  const step = (t.length - 1) / count;
  const gaps = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const i = 1 + Math.floor(k * step);
    gaps[k] = t[i] - t[i - 1];
  }
  return gaps.sort()[count >> 1];
}

/**
 * The axis range [start[i], end[i]) each sample of a track covers, when the track's samples are not the
 * axis itself. Participants are sampled at their own moments, so a sample stands until the track's next
 * one, or for 1.5 typical gaps at most: a longer gap (a reconnect) stays a gap, and a sum never counts a
 * track that stopped.
 */
function coverage(t: Float64Array, axis: Float64Array, place: Int32Array): Int32Array {
  const hold = medianInterval(t) * 1.5;
  const end = new Int32Array(t.length);
  for (let i = 0; i < t.length; i++) {
    const next = i + 1 < t.length ? place[i + 1] : axis.length;
    end[i] = Math.max(place[i] + 1, Math.min(next, lowerBound(axis, t[i] + hold, place[i])));
  }
  return end;
}

/** Folds one track's column into `values`: sample i covers [start[i], end[i]), or axis point i alone without `start`. */
function combine(values: Float64Array, column: MetricColumn, pick: Combination['pick'], start?: Int32Array, end?: Int32Array): void {
  // One plain loop per pick, with no call per sample: this runs for every sample of every track of every chart.
  for (let i = 0; i < column.length; i++) {
    const value = column[i];
    if (value !== value) continue; // NaN: no sample
    const last = start && end ? end[i] : i + 1;
    for (let j = start ? start[i] : i; j < last; j++) {
      const current = values[j];
      if (current !== current) values[j] = value;
      else if (pick === 'sum') values[j] = current + value;
      else if (pick === 'min' ? value < current : value > current) values[j] = value;
    }
  }
}

/** A participant's tracks of one direction on the union of their own times; the metrics of the same tracks share it. */
interface OwnAxis {
  axis: Float64Array;
  /** The axis in seconds, as charts draw it. */
  x: Float64Array;
  positions: (Int32Array | undefined)[];
  ends: (Int32Array | undefined)[];
  /** How long one of its samples stands, in seconds. */
  hold: number;
}

function ownAxis(tracks: readonly WireTrack[]): OwnAxis {
  let hold = 0;
  for (const track of tracks) hold = Math.max(hold, (medianInterval(track.columns.t) * 1.5) / 1000);
  const { axis, positions } = sharedAxis(tracks);
  const ends = positions.map((place, i) => place && coverage(tracks[i].columns.t, axis, place));
  return { axis, x: axis.map((t) => t / 1000), positions, ends, hold };
}

/** A participant's tracks of one direction combined into one line on their own axis. */
function ownLine(tracks: readonly WireTrack[], own: OwnAxis, key: MetricKey, pick: Combination['pick']): HeldLine {
  if (tracks.length === 1) return { x: own.x, values: tracks[0].columns[key]!, hold: own.hold };
  const values = new Float64Array(own.axis.length).fill(Number.NaN);
  tracks.forEach((track, i) => combine(values, track.columns[key]!, pick, own.positions[i], own.ends[i]));
  return { x: own.x, values, hold: own.hold };
}

/**
 * Every chart's series on the union of all participants' times, as the table view lists them: built
 * only when a table is first opened (for participants sampled at their own moments it is as long as all
 * their samples together, for every line).
 */
function unionTables(owners: readonly ComparedParticipant[]): () => { x: Float64Array; values: Map<string, Float64Array[]> } {
  let built: { x: Float64Array; values: Map<string, Float64Array[]> } | undefined;
  return () => {
    if (built) return built;
    const tracks = owners.flatMap((p) => p.tracks);
    const { axis, positions } = sharedAxis(tracks);
    const ends = tracks.map((track, i) => (positions[i] ? coverage(track.columns.t, axis, positions[i]) : undefined));
    const indices = new Map<ComparedParticipant, number[]>();
    let offset = 0;
    for (const p of owners) {
      indices.set(
        p,
        p.tracks.map((_, i) => offset + i),
      );
      offset += p.tracks.length;
    }
    const values = new Map<string, Float64Array[]>();
    for (const { metric, direction, id } of chartKinds()) {
      const lines: Float64Array[] = [];
      for (const p of owners) {
        const mine = indices
          .get(p)!
          .filter((index) => tracks[index].direction === direction && hasValue(tracks[index].columns[metric.key]));
        if (mine.length === 0) continue;
        const line = new Float64Array(axis.length).fill(Number.NaN);
        for (const index of mine)
          combine(line, tracks[index].columns[metric.key]!, COMBINATIONS[metric.key].pick, positions[index], ends[index]);
        lines.push(line);
      }
      if (lines.length > 0) values.set(`${metric.id}-${id}`, lines);
    }
    built = { x: axis.map((t) => t / 1000), values };
    return built;
  };
}

function* chartKinds() {
  for (const metric of METRICS) for (const direction of DIRECTIONS) yield { metric, ...direction };
}

/**
 * One chart per metric (METRICS order) and direction (sent, received) that has data, each with one series
 * per participant that has data for it. Participants with an error contribute nothing. Each line is drawn
 * from its participant's own times; the shared axis of `model.x` and the series' values is built on first
 * read, by the table view.
 */
export function buildCompareCharts(participants: readonly ComparedParticipant[]): CompareChart[] {
  const names = participantNames(participants);
  const owners = participants.filter((p) => !p.error);
  if (owners.every((p) => p.tracks.length === 0)) return [];
  const axes = new Map<string, OwnAxis>();
  const axisOf = (p: ComparedParticipant, tracks: readonly WireTrack[]) => {
    const key = `${p.participantId}/${tracks.map((track) => p.tracks.indexOf(track)).join()}`;
    let own = axes.get(key);
    if (!own) axes.set(key, (own = ownAxis(tracks)));
    return own;
  };
  const table = unionTables(owners);

  const charts: CompareChart[] = [];
  for (const { metric, direction, id, title, tracks: which } of chartKinds()) {
    const { pick, word } = COMBINATIONS[metric.key];
    const chartId = `${metric.id}-${id}`;
    const lines: HeldLine[] = [];
    const series: ChartSeries[] = [];
    const participantIds: string[] = [];
    for (const p of owners) {
      const mine = p.tracks.filter((track) => track.direction === direction && hasValue(track.columns[metric.key]));
      if (mine.length === 0) continue;
      const index = series.length;
      lines.push(ownLine(mine, axisOf(p, mine), metric.key, pick));
      series.push({
        label: names.get(p.participantId)!,
        trackIndex: participants.indexOf(p),
        colour: p.colour,
        get values() {
          return table().values.get(chartId)![index];
        },
      });
      participantIds.push(p.participantId);
    }
    if (series.length === 0) continue;
    charts.push({
      id: chartId,
      model: {
        metric: { ...metric, id: chartId, title: `${metric.title}, ${title}` },
        get x() {
          return table().x;
        },
        series,
        source: heldLinesSource(lines),
      },
      participantIds,
      subtitle: `One line per participant: the ${word} of its ${which} at each moment.`,
    });
  }
  return charts;
}

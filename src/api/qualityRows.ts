/**
 * A quality array's rows (current producer/consumer rows, legacy audio/video stats) as the values
 * normalisation reads of them, each read as coerce.ts reads it: numbers NaN where a row has none, texts
 * undefined. The stats worker fills one as a report's rows are parsed, a run of them at a time
 * (incrementalJson.ts), so the row objects die young: kept until the report was normalised, a heavy
 * participant's three reports held about 180 MB of them, and the garbage collector copied them again
 * and again. Pure.
 */
import { num, record, text, time } from './coerce';
import type { RawQualitySample } from './statsTypes';

export const ROW_NUMBERS = [
  'mos_quality',
  'quality',
  'jitter',
  'rtt',
  'packets_lost',
  'packets_received',
  'packets_sent',
  'bytes_sent',
  'bytes_received',
  'frames_per_second',
  'frame_height',
] as const satisfies ReadonlyArray<keyof RawQualitySample>;

export const ROW_TEXTS = ['producer_id', 'peer_id', 'quality_limitation_reason'] as const satisfies ReadonlyArray<keyof RawQualitySample>;

export type RowNumber = (typeof ROW_NUMBERS)[number];
export type RowText = (typeof ROW_TEXTS)[number];

const FIRST_CAPACITY = 256;

/** One entry per field, in objects of one shape: a field named at a call site is a plain property read. */
const noColumns = <Field extends string, Column>(fields: readonly Field[]) =>
  Object.fromEntries(fields.map((field) => [field, undefined])) as Record<Field, Column | undefined>;

export class QualityRows {
  private count = 0;
  private capacity = 0;
  private times: Float64Array = new Float64Array(0);
  /** A column only once a row has a value for it: audio rows carry no frame rate. */
  private readonly numbers = noColumns<RowNumber, Float64Array>(ROW_NUMBERS);
  private readonly texts = noColumns<RowText, Array<string | undefined>>(ROW_TEXTS);

  /** The rows of an array (what is not an object is no row), or the rows read already. */
  static of(value: unknown): QualityRows {
    if (value instanceof QualityRows) return value;
    const rows = new QualityRows();
    if (Array.isArray(value)) rows.add(value);
    return rows;
  }

  get length(): number {
    return this.count;
  }

  /**
   * Adds the objects of `items`, in order; anything else is skipped. Each field is read by its name:
   * read by a name from a list, every read of every row went through one megamorphic lookup.
   */
  add(items: readonly unknown[]): void {
    for (const item of items) {
      const row = record<RawQualitySample>(item);
      if (!row) continue;
      const index = this.count;
      if (index === this.capacity) this.grow();
      this.times[index] = time(row.timestamp) ?? Number.NaN;
      this.putNumber('mos_quality', index, row.mos_quality);
      this.putNumber('quality', index, row.quality);
      this.putNumber('jitter', index, row.jitter);
      this.putNumber('rtt', index, row.rtt);
      this.putNumber('packets_lost', index, row.packets_lost);
      this.putNumber('packets_received', index, row.packets_received);
      this.putNumber('packets_sent', index, row.packets_sent);
      this.putNumber('bytes_sent', index, row.bytes_sent);
      this.putNumber('bytes_received', index, row.bytes_received);
      this.putNumber('frames_per_second', index, row.frames_per_second);
      this.putNumber('frame_height', index, row.frame_height);
      this.putText('producer_id', index, row.producer_id);
      this.putText('peer_id', index, row.peer_id);
      this.putText('quality_limitation_reason', index, row.quality_limitation_reason);
      this.count = index + 1;
    }
  }

  /** The rows at `indexes`, in that order. */
  pick(indexes: readonly number[]): QualityRows {
    const picked = new QualityRows();
    picked.count = picked.capacity = indexes.length;
    picked.times = pickFrom(this.times, indexes);
    for (const field of ROW_NUMBERS) {
      const column = this.numbers[field];
      if (column) picked.numbers[field] = pickFrom(column, indexes);
    }
    for (const field of ROW_TEXTS) {
      const column = this.texts[field];
      if (column) picked.texts[field] = indexes.map((index) => column[index]);
    }
    return picked;
  }

  /** The row's time (epoch milliseconds), NaN when it has none. */
  time(index: number): number {
    return this.times[index];
  }

  /** A numeric field's values by row (read up to `length`), NaN where a row has none; undefined when no row has one. */
  column(field: RowNumber): Float64Array | undefined {
    return this.numbers[field];
  }

  text(field: RowText, index: number): string | undefined {
    return this.texts[field]?.[index];
  }

  /** The first value of a text field the rows carry. */
  firstText(field: RowText): string | undefined {
    return this.texts[field]?.find((value) => value !== undefined);
  }

  private putNumber(field: RowNumber, index: number, raw: unknown): void {
    if (raw === undefined) return;
    const value = num(raw);
    if (value === undefined) return;
    let column = this.numbers[field];
    if (!column) column = this.numbers[field] = new Float64Array(this.capacity).fill(Number.NaN);
    column[index] = value;
  }

  private putText(field: RowText, index: number, raw: unknown): void {
    const value = raw === undefined ? undefined : text(raw);
    let column = this.texts[field];
    if (value === undefined) {
      column?.push(undefined);
      return;
    }
    if (!column) column = this.texts[field] = new Array<string | undefined>(index).fill(undefined);
    const previous = column[index - 1];
    // The same text row after row (a producer's ID) is kept once.
    column.push(previous === value ? previous : value);
  }

  private grow(): void {
    this.capacity = Math.max(FIRST_CAPACITY, this.capacity * 2);
    this.times = grown(this.times, this.capacity);
    for (const field of ROW_NUMBERS) {
      const column = this.numbers[field];
      if (column) this.numbers[field] = grown(column, this.capacity);
    }
  }
}

/** The values at `indexes`, by a plain loop: Float64Array.from with a mapping function is several times slower in V8. */
function pickFrom(column: Float64Array, indexes: readonly number[]): Float64Array {
  const picked = new Float64Array(indexes.length);
  for (let i = 0; i < indexes.length; i++) picked[i] = column[indexes[i]];
  return picked;
}

/** The column in a larger array, NaN after its values. */
function grown(column: Float64Array, capacity: number): Float64Array<ArrayBuffer> {
  const larger = new Float64Array(capacity).fill(Number.NaN);
  larger.set(column);
  return larger;
}

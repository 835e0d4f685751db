import { strict as assert } from 'node:assert';
import { IncrementalJson } from '../../src/api/incrementalJson';
import { normalizeParticipant } from '../../src/api/normalize';
import { qualityRowsAt } from '../../src/api/normalizeStats';
import { QualityRows, ROW_NUMBERS, ROW_TEXTS, type RowNumber } from '../../src/api/qualityRows';
import { seeded } from '../fixtures/randomJson';

/** A row's value of a numeric field, NaN when it has none. */
const numberOf = (rows: QualityRows, field: RowNumber, index: number) => rows.column(field)?.[index] ?? Number.NaN;

const START = Date.UTC(2026, 10, 20, 9, 0, 0);
const at = (second: number) => new Date(START + second * 1000).toISOString();

/** Values as answers send them: numbers, numbers as text, "null", null, and things no reader takes. */
const LOOSE = [' 12 ', '7.5', 'null', 'NULL', null, true, {}, [], '', 'n/a', 3, 0, -1.25];

/** Rows of a sender, with the faults real answers have; `junk`: a share of fields holding any value of LOOSE, and items that are no rows. */
function rows(count: number, random: () => number, fields: (i: number) => Record<string, unknown>, junk = 0.1): unknown[] {
  const loose = () => LOOSE[Math.floor(random() * LOOSE.length)];
  const items: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const row: Record<string, unknown> = { timestamp: random() < 0.02 ? 'not a time' : at(i + (random() < 0.05 ? -3 : 0)), ...fields(i) };
    for (const key of Object.keys(row)) if (random() < junk) row[key] = loose();
    if (random() < 0.02) delete row.timestamp;
    items.push(random() < 0.01 ? loose() : row);
  }
  return items;
}

function currentReport(count: number, random: () => number) {
  const producer = (i: number) => ({
    producer_id: 'prod-a',
    mos_quality: 4 + (i % 5) / 10,
    jitter: i % 9,
    rtt: 20 + (i % 30),
    // A running total: normalisation makes deltas of it.
    packets_sent: 50 * (i + 1),
    packets_lost: Math.floor(i / 10),
    bytes_sent: 5_000 + (i % 300),
    quality_limitation_reason: ['none', 'cpu', 'bandwidth', 'other', 'a reason added later'][i % 5],
    frames_per_second: 30 - (i % 4),
    frame_height: i % 50 === 0 ? '720' : 720,
    quality_limitation_durations: { none: 1, cpu: 0 },
  });
  const consumer = (i: number) => ({
    // Three senders, one of them naming no producer: its rows are grouped by peer.
    ...(i % 3 === 2 ? {} : { producer_id: `prod-${i % 3}` }),
    peer_id: `peer-${i % 3}`,
    mos_quality: 3 + (i % 7) / 5,
    jitter: i % 13,
    packets_received: 48,
    packets_lost: i % 4,
    bytes_received: 4_800,
  });
  return {
    success: true,
    data: {
      participant: {
        peer_report: {
          metadata: { sdk_name: 'web-core', events: [{ name: 'mute', timestamp: at(5) }] },
          quality: {
            audio_producer: rows(count, random, producer),
            audio_consumer: rows(count, random, consumer),
            video_producer: rows(count, random, producer, 0),
            video_consumer: [],
            video_producer_cumulative: { quality_mos: { avg: 4.1, p50: 4.2 } },
          },
        },
      },
    },
  };
}

function legacySample(i: number) {
  return { quality: 3.5 + (i % 4) / 4, jitter: i % 11, packets_received: 50, packets_lost: i % 3, bytes_received: 6_000, rtt: 40 };
}

function legacyPeerReport(count: number, random: () => number) {
  return {
    success: true,
    data: {
      participant: {
        peer_report: {
          metadata: { device_info: { browser: 'Chrome' } },
          quality: {
            peer_id: 'legacy-peer',
            audio_stats: rows(count, random, legacySample),
            video_stats: rows(count, random, legacySample),
          },
        },
      },
    },
  };
}

function legacyDetails(count: number, random: () => number) {
  const entry = (peer: number) => ({
    peer_id: `peer-${peer}`,
    start: at(peer * 1000),
    audio_stats: rows(count, random, legacySample),
    video_stats: rows(count, random, legacySample),
  });
  return { success: true, data: { participant: { id: 'p1', quality_stats: [entry(1), entry(0)] } } };
}

/** The text parsed as it arrives in pieces, its quality rows collected as they are parsed. */
function parsedAlong(text: string, large: number): { value: unknown; collected: number } {
  let collected = 0;
  const json = new IncrementalJson(large, (path) => {
    const rows = qualityRowsAt(path);
    if (rows) collected++;
    return rows;
  });
  for (let at = 0; at < text.length; at += 1_000) json.push(text.slice(at, at + 1_000));
  const parsed = json.end();
  assert.ok(parsed, 'the text is JSON');
  return { value: parsed.value, collected };
}

describe('Quality rows read as they are parsed', () => {
  it('reads each field as normalisation reads it: numbers, texts and times, NaN or nothing where a row has none', () => {
    const read = QualityRows.of([
      {
        timestamp: '2026-11-20T09:00:01Z',
        jitter: ' 12 ',
        rtt: 'null',
        packets_sent: 50,
        producer_id: 'a',
        quality_limitation_reason: 'cpu',
      },
      'not a row',
      null,
      { timestamp: 'yesterday', jitter: true, rtt: {}, mos_quality: '4.5', producer_id: ' a ', peer_id: 'NULL' },
      { jitter: 3, frames_per_second: 30, producer_id: 'b', peer_id: 'remote' },
    ]);
    assert.equal(read.length, 3, 'what is not an object is no row');
    assert.deepEqual(
      [0, 1, 2].map((i) => read.time(i)),
      [Date.parse('2026-11-20T09:00:01Z'), Number.NaN, Number.NaN],
    );
    assert.deepEqual(
      [0, 1, 2].map((i) => numberOf(read, 'jitter', i)),
      [12, Number.NaN, 3],
    );
    assert.deepEqual(
      [0, 1, 2].map((i) => numberOf(read, 'rtt', i)),
      [Number.NaN, Number.NaN, Number.NaN],
    );
    assert.deepEqual(
      [0, 1, 2].map((i) => numberOf(read, 'frames_per_second', i)),
      [Number.NaN, Number.NaN, 30],
      'a column begun late',
    );
    assert.deepEqual(
      [0, 1, 2].map((i) => numberOf(read, 'mos_quality', i)),
      [Number.NaN, 4.5, Number.NaN],
    );
    assert.deepEqual(
      [0, 1, 2].map((i) => read.text('producer_id', i)),
      ['a', 'a', 'b'],
    );
    assert.deepEqual(
      [0, 1, 2].map((i) => read.text('peer_id', i)),
      [undefined, undefined, 'remote'],
    );
    assert.equal(read.firstText('peer_id'), 'remote');
    assert.equal(read.firstText('quality_limitation_reason'), 'cpu');
    const picked = read.pick([2, 0]);
    assert.equal(picked.length, 2);
    assert.deepEqual(
      [numberOf(picked, 'jitter', 0), numberOf(picked, 'jitter', 1), picked.text('producer_id', 1), picked.time(1)],
      [3, 12, 'a', read.time(0)],
    );
    assert.equal(QualityRows.of(read), read, 'rows read already are taken as they are');
    assert.equal(QualityRows.of({ 0: {} }).length, 0, 'what is not an array has no rows');
  });

  it('reads every field it keeps', () => {
    const row = Object.fromEntries([...ROW_NUMBERS.map((field, i) => [field, i + 1]), ...ROW_TEXTS.map((field) => [field, field])]);
    const read = QualityRows.of([row]);
    assert.deepEqual(
      ROW_NUMBERS.map((field) => numberOf(read, field, 0)),
      ROW_NUMBERS.map((_, i) => i + 1),
    );
    assert.deepEqual(
      ROW_TEXTS.map((field) => read.text(field, 0)),
      [...ROW_TEXTS],
    );
  });

  it('collects exactly the arrays normalisation reads as rows', () => {
    const collected = [
      ['data', 'participant', 'peer_report', 'quality', 'audio_producer'],
      ['data', 'participant', 'peer_report', 'quality', 'screenshare_video_consumer'],
      ['data', 'participant', 'peer_report', 'quality', 'video_stats'],
      ['data', 'participant', 'quality_stats', 1, 'audio_stats'],
    ];
    const left = [
      ['data', 'participant', 'peer_report', 'quality', 'audio_producer_cumulative'],
      ['data', 'participant', 'peer_report', 'metadata', 'events', 3, 'metadata', 'quality', 'audio_producer'],
      ['data', 'participant', 'peer_report', 'metadata', 'audio_stats'],
      ['data', 'participant', 'quality_stats', '1', 'audio_stats'],
      ['quality', 'audio_producer'],
      [],
    ];
    for (const path of collected) assert.ok(qualityRowsAt(path) instanceof QualityRows, path.join('/'));
    for (const path of left) assert.equal(qualityRowsAt(path), undefined, path.join('/'));
  });

  it('grows past its first columns, rows added a run at a time', () => {
    const read = new QualityRows();
    for (let run = 0; run < 10; run++)
      read.add(Array.from({ length: 100 }, (_, i) => ({ rtt: run * 100 + i, timestamp: at(run * 100 + i) })));
    assert.equal(read.length, 1_000);
    assert.deepEqual(
      [0, 255, 256, 999].map((i) => [numberOf(read, 'rtt', i), read.time(i)]),
      [0, 255, 256, 999].map((i) => [i, START + i * 1000]),
    );
  });

  it("makes one track per sender of a consumer array, each with its own rows' times and values, in time order", () => {
    const row = (second: number, producer: string | undefined, peer: string, jitter: unknown, lost: number) => ({
      timestamp: at(second),
      ...(producer === undefined ? {} : { producer_id: producer }),
      peer_id: peer,
      jitter,
      packets_received: 99,
      packets_lost: lost,
    });
    const quality = {
      audio_consumer: [
        row(2, 'prod-a', 'peer-a', 4, 1),
        row(1, 'prod-b', 'peer-b', ' 7 ', 0),
        row(1, 'prod-a', 'peer-a', 3, 0),
        'not a row',
        row(3, undefined, 'peer-c', 'null', 3),
        row(2, 'prod-b', 'peer-b', 8, 1),
        row(4, undefined, 'peer-c', 9, 0),
      ],
    };
    const answer = { success: true, data: { participant: { peer_report: { metadata: { sdk_name: 'web-core' }, quality } } } };
    const text = JSON.stringify(answer);
    const expected = [
      { remotePeerId: 'peer-a', producerId: 'prod-a', t: [at(1), at(2)], jitterMs: [3, 4], lossPct: [0, 1] },
      { remotePeerId: 'peer-b', producerId: 'prod-b', t: [at(1), at(2)], jitterMs: [7, 8], lossPct: [0, 1] },
      { remotePeerId: 'peer-c', producerId: undefined, t: [at(3), at(4)], jitterMs: [Number.NaN, 9], lossPct: [2.94, 0] },
    ];
    for (const data of [JSON.parse(text), parsedAlong(text, 40).value]) {
      const tracks = normalizeParticipant('peer', (data as { data: unknown }).data, { peerId: 'the-peer' }).peerStats[0].tracks;
      assert.deepEqual(
        tracks.map((track) => ({
          remotePeerId: track.remotePeerId,
          producerId: track.producerId,
          t: Array.from(track.columns.t, (ms) => new Date(ms).toISOString()),
          jitterMs: Array.from(track.columns.jitterMs ?? []),
          lossPct: Array.from(track.columns.lossPct ?? []),
        })),
        expected,
      );
    }
  });

  it('normalises rows collected as the text was parsed as it normalises the parsed text, in both generations', () => {
    const random = seeded(11);
    const answers: Array<['peer' | 'sessionParticipant', unknown]> = [
      ['peer', currentReport(3_000, random)],
      ['peer', legacyPeerReport(2_000, random)],
      ['sessionParticipant', legacyDetails(2_000, random)],
    ];
    for (const [kind, answer] of answers) {
      const text = JSON.stringify(answer);
      const expected = normalizeParticipant(kind, (JSON.parse(text) as { data: unknown }).data, { peerId: 'the-peer' });
      assert.ok(
        expected.peerStats.some((peer) => peer.tracks.length > 1),
        'the answer has tracks',
      );
      for (const large of [256, 64 * 1024]) {
        const { value, collected } = parsedAlong(text, large);
        assert.ok(collected >= 2, `rows collected (${collected}), ${kind}, large ${large}`);
        const model = normalizeParticipant(kind, (value as { data: unknown }).data, { peerId: 'the-peer' });
        assert.deepEqual(model, expected, `${kind}, large ${large}`);
      }
    }
  });
});

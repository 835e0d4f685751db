import { strict as assert } from 'node:assert';
import type { QualityTrack } from '../../src/shared/model';
import type { WireTrack } from '../../src/shared/wire';
import { buildCompareCharts, participantNames } from '../../src/webview/compare/compareSeries';
import { compareTimeline } from '../../src/webview/compare/compareTimeline';
import { readPanelState } from '../../src/webview/compare/compareState';
import { comparedParticipant } from '../fixtures/comparedParticipant';
import { wireColumns, type Sample } from '../fixtures/sampleColumns';

const t0 = Date.parse('2026-11-20T09:00:00Z');
const s0 = t0 / 1000;

function track(kind: QualityTrack['kind'], direction: QualityTrack['direction'], samples: Sample[]): WireTrack {
  return { kind, direction, columns: wireColumns(samples), summary: {} };
}

const participant = comparedParticipant;

const every = (count: number, make: (i: number) => Omit<Sample, 't'>, offset = 0) =>
  Array.from({ length: count }, (_, i) => ({ t: t0 + offset + i * 1000, ...make(i) }));

describe('compare charts', () => {
  it('gives each participant one series per metric and direction: worst loss, summed bitrate, lowest fps', () => {
    const ana = participant('ana', {
      displayName: 'Ana',
      colour: 3,
      tracks: [
        track(
          'audio',
          'consumer',
          every(3, (i) => ({ lossPct: [1, 9, 2][i], bitrateKbps: 30 })),
        ),
        track(
          'video',
          'consumer',
          every(3, (i) => ({ lossPct: [4, 0, 0][i], bitrateKbps: 900, fps: [30, 12, 30][i] })),
        ),
        track(
          'audio',
          'producer',
          every(3, () => ({ lossPct: 0, bitrateKbps: 32 })),
        ),
      ],
    });
    const ben = participant('ben', {
      displayName: 'Ben',
      colour: 5,
      tracks: [
        track(
          'video',
          'consumer',
          every(3, () => ({ fps: 24, lossPct: 1 })),
        ),
      ],
    });
    const charts = buildCompareCharts([ana, ben]);
    assert.deepEqual(
      charts.map((chart) => chart.id),
      ['loss-sent', 'loss-received', 'bitrate-sent', 'bitrate-received', 'fps-received'],
    );
    const loss = charts.find((chart) => chart.id === 'loss-received')!;
    assert.deepEqual(loss.participantIds, ['ana', 'ben']);
    assert.deepEqual(Array.from(loss.model.series[0].values), [4, 9, 2], 'the worst of its received tracks');
    assert.deepEqual(
      loss.model.series.map((series) => [series.label, series.colour]),
      [
        ['Ana', 3],
        ['Ben', 5],
      ],
    );
    assert.equal(loss.model.metric.title, 'Packet loss, received');
    assert.match(loss.subtitle, /worst of its received tracks/);
    assert.deepEqual(Array.from(charts.find((chart) => chart.id === 'bitrate-received')!.model.series[0].values), [930, 930, 930]);
    assert.match(charts.find((chart) => chart.id === 'bitrate-received')!.subtitle, /sum/);
    assert.deepEqual(Array.from(charts.find((chart) => chart.id === 'fps-received')!.model.series[0].values), [30, 12, 30]);
    assert.deepEqual(Array.from(loss.model.x), [s0, s0 + 1, s0 + 2]);
  });

  it('holds each sample until the track’s next one when participants are sampled at different moments, but not across a gap', () => {
    const ana = participant('ana', {
      tracks: [
        track(
          'audio',
          'consumer',
          every(3, (i) => ({ mos: [4, 3, 2][i] })),
        ),
      ],
    });
    // Ben's samples fall half a second later, and he has a 10 s gap (a reconnect).
    const ben = participant('ben', {
      tracks: [
        track('audio', 'consumer', [
          { t: t0 + 500, mos: 4.5 },
          { t: t0 + 1500, mos: 4.4 },
          { t: t0 + 11_500, mos: 4.3 },
        ]),
      ],
    });
    const [mos] = buildCompareCharts([ana, ben]);
    assert.deepEqual(Array.from(mos.model.x), [s0, s0 + 0.5, s0 + 1, s0 + 1.5, s0 + 2, s0 + 11.5]);
    assert.deepEqual(
      Array.from(mos.model.series[0].values),
      [4, 4, 3, 3, 2, 2].map((v, i) => (i === 5 ? NaN : v)),
    );
    // Columns cross as Float32: 4.4 is its nearest Float32.
    assert.deepEqual(Array.from(mos.model.series[1].values), [NaN, 4.5, 4.5, 4.4, 4.4, 4.3].map(Math.fround));
  });

  it('sums only the tracks that are still sending', () => {
    const ana = participant('ana', {
      tracks: [
        track(
          'audio',
          'producer',
          every(4, () => ({ bitrateKbps: 30 })),
        ),
        track(
          'video',
          'producer',
          every(2, () => ({ bitrateKbps: 500 }), 250),
        ),
      ],
    });
    const [bitrate] = buildCompareCharts([ana]);
    // Axis: 0, .25, 1, 1.25, 2, 3 s; the video track (1 s apart) stops after 1.25 s + 1.5 s.
    assert.deepEqual(Array.from(bitrate.model.series[0].values), [30, 530, 530, 530, 530, 30]);
  });

  it('leaves out participants with an error, and tracks without values', () => {
    const failed = participant('failed', {
      error: '404',
      tracks: [
        track(
          'audio',
          'consumer',
          every(2, () => ({ mos: 1 })),
        ),
      ],
    });
    const empty = participant('empty', {
      tracks: [
        track(
          'audio',
          'consumer',
          every(2, () => ({})),
        ),
      ],
    });
    assert.deepEqual(buildCompareCharts([failed, empty]), []);
  });

  it('charts tracks whose direction is not reported apart', () => {
    const [chart] = buildCompareCharts([
      participant('a', {
        tracks: [
          track(
            'audio',
            'unknown',
            every(2, () => ({ jitterMs: 5 })),
          ),
        ],
      }),
    ]);
    assert.equal(chart.id, 'jitter-other');
    assert.match(chart.subtitle, /direction is not reported/);
  });

  it('names participants by display name, ID when unnamed, and tells shared names apart', () => {
    const names = participantNames([
      { participantId: 'aaaaaaaa-1', displayName: 'Sam' },
      { participantId: 'bbbbbbbb-2', displayName: 'Sam' },
      { participantId: 'cccccccc-3' },
      { participantId: 'dddddddd-4', displayName: '<img src=x onerror=alert(1)>' },
    ]);
    assert.deepEqual([...names.values()], ['Sam (aaaaaaaa)', 'Sam (bbbbbbbb)', 'cccccccc-3', '<img src=x onerror=alert(1)>']);
  });
});

describe('compare timeline', () => {
  it('puts each participant’s events and issue windows in its own lane, the first on top', () => {
    const ana = participant('ana', {
      colour: 2,
      events: [{ name: 'audio_mute', at: '2026-11-20T09:00:05Z' }, { name: 'video_off', at: '2026-11-20T09:00:05Z' }, { name: 'no time' }],
    });
    const quiet = participant('quiet');
    const ben = participant('ben', {
      issues: [
        { rule: 'loss', severity: 'critical', title: 'Packet loss', evidence: 'e', explanation: 'x', from: t0 + 2_000, to: t0 + 8_000 },
      ],
    });
    const timeline = compareTimeline([ana, quiet, ben], new Map([['ana', 'Ana']]));
    assert.deepEqual(timeline.x, [s0 + 2, s0 + 5, s0 + 8]);
    assert.deepEqual(
      timeline.lanes.map((lane) => [lane.participantId, lane.row, lane.colour]),
      [
        ['ana', 2, 2],
        ['ben', 1, 0],
      ],
    );
    assert.deepEqual(timeline.lanes[0].values, [null, 2, null]);
    assert.deepEqual(timeline.lanes[0].names, [null, 'audio_mute, video_off', null]);
    assert.deepEqual(timeline.lanes[1].windows, [{ from: s0 + 2, to: s0 + 8, title: 'Packet loss', severity: 'critical' }]);
    assert.deepEqual(
      timeline.entries.map((entry) => [entry.participant, entry.kind, entry.name]),
      [
        ['ben', 'issue', 'Packet loss'],
        ['Ana', 'event', 'audio_mute'],
        ['Ana', 'event', 'video_off'],
      ],
    );
  });
});

describe('compare panel state', () => {
  it('reads a saved state field by field, dropping what is malformed', () => {
    const restore = { accountId: 'a', appId: 'b', sessionId: 's', participantIds: ['p1', 'p2'] };
    assert.deepEqual(readPanelState({ version: 1, restore, zoom: { from: 1, to: 2 }, hidden: ['p1'] }), {
      version: 1,
      restore,
      zoom: { from: 1, to: 2 },
      hidden: ['p1'],
    });
    assert.deepEqual(readPanelState({ restore: { ...restore, participantIds: [1] }, zoom: { from: 2, to: 1 }, hidden: 'p1' }), {
      version: 1,
      restore: undefined,
      zoom: undefined,
      hidden: [],
    });
    assert.deepEqual(readPanelState(undefined), { version: 1, restore: undefined, zoom: undefined, hidden: [] });
  });
});

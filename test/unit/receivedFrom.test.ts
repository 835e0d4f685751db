/** Narrowing a receiver's charts to one sender's lines: who is offered, and what is drawn. */
import { strict as assert } from 'node:assert';
import type { QualityTrack } from '../../src/shared/model';
import type { WireTrack } from '../../src/shared/wire';
import { buildCharts } from '../../src/webview/charts/chartData';
import { issueBands, percentilesFrom, receivedFrom, sendersOf } from '../../src/webview/charts/receivedFrom';
import { percentileRows } from '../../src/shared/wire';
import type { DetectedIssue } from '../../src/shared/model';
import { wireColumns } from '../fixtures/sampleColumns';

const t0 = Date.parse('2026-11-20T09:00:00Z');

function track(kind: QualityTrack['kind'], direction: QualityTrack['direction'], link: Partial<WireTrack> = {}, video = false): WireTrack {
  const samples = [0, 1, 2].map((i) => ({ t: t0 + i * 1_000, jitterMs: 5 + i, ...(video ? { fps: 30 } : { mos: 4.2 }) }));
  return { kind, direction, columns: wireColumns(samples), summary: {}, ...link };
}

const TOMASZ = '34dcacae-0000-4000-8000-000000000001';
const GRACE = '9f1e2d3c-0000-4000-8000-000000000002';

describe('received from one sender', () => {
  const tracks = [
    track('audio', 'producer'),
    track('audio', 'consumer', { remotePeerId: TOMASZ, remoteName: 'Tomasz Kowalski' }),
    track('video', 'consumer', { remotePeerId: TOMASZ, remoteName: 'Tomasz Kowalski' }, true),
    track('audio', 'consumer', { remotePeerId: GRACE }),
  ];

  it('offers each sender once, in the order of its first track, named when known, with its track count', () => {
    assert.deepEqual(sendersOf(tracks), [
      { peerId: TOMASZ, label: 'Tomasz Kowalski', tracks: 2 },
      { peerId: GRACE, label: '9f1e2d3c', tracks: 1 },
    ]);
    assert.deepEqual(
      sendersOf([track('audio', 'producer'), track('audio', 'consumer')]),
      [],
      'a received track with no sender is no sender',
    );
  });

  it("keeps what was sent and the sender's received lines, each track with its own index (its colour)", () => {
    const charts = buildCharts(tracks);
    const jitter = (chosen: typeof charts) => chosen.find((chart) => chart.metric.id === 'jitter')!.series.map((s) => s.trackIndex);
    assert.deepEqual(jitter(receivedFrom(charts, tracks, undefined)), [0, 1, 2, 3], 'every line without a sender');
    assert.deepEqual(jitter(receivedFrom(charts, tracks, GRACE)), [0, 3]);
    assert.deepEqual(jitter(receivedFrom(charts, tracks, TOMASZ)), [0, 1, 2]);
    // Frame rate: only Tomasz's video has it; narrowed to Grace the chart has no line left and goes.
    assert.deepEqual(
      receivedFrom(charts, tracks, GRACE).map((chart) => chart.metric.id),
      charts.map((chart) => chart.metric.id).filter((id) => id !== 'fps'),
    );
    assert.ok(receivedFrom(charts, tracks, TOMASZ).some((chart) => chart.metric.id === 'fps'));
  });

  it("shades, narrowed to a sender, that sender's stretches of what was received, and what was sent as before", () => {
    const base = { severity: 'critical', title: 'Loss', evidence: '', explanation: '' } as const;
    const received: DetectedIssue = {
      ...base,
      rule: 'sustained-packet-loss',
      received: true,
      from: t0,
      to: t0 + 10_000,
      windows: [
        { from: t0, to: t0 + 10_000, severity: 'critical', sender: TOMASZ },
        { from: t0 + 30_000, to: t0 + 40_000, severity: 'critical', sender: GRACE },
        { from: t0 + 50_000, to: t0 + 55_000, severity: 'critical', sender: TOMASZ },
      ],
    };
    const sent: DetectedIssue = { ...base, rule: 'high-rtt', received: false, from: t0 + 20_000, to: t0 + 25_000 };
    const seconds = (bands: Array<{ from: number; to: number }>) => bands.map(({ from, to }) => [from - t0 / 1000, to - t0 / 1000]);
    assert.deepEqual(seconds(issueBands(received, undefined)), [[0, 10]], "every sender's: the window quoted");
    assert.deepEqual(seconds(issueBands(received, GRACE)), [[30, 40]]);
    assert.deepEqual(seconds(issueBands(received, TOMASZ)), [
      [0, 10],
      [50, 55],
    ]);
    assert.deepEqual(seconds(issueBands(sent, GRACE)), [[20, 25]], 'what was sent is shaded whoever is chosen');
    const oneSender: DetectedIssue = { ...received, windows: undefined, sender: GRACE };
    assert.deepEqual(seconds(issueBands(oneSender, TOMASZ)), [], "another sender's only stretch");
    assert.deepEqual(seconds(issueBands(oneSender, GRACE)), [[0, 10]]);
  });

  it("keeps the percentiles of what was sent and of the sender's received tracks", () => {
    const rows = percentileRows(tracks);
    const named = (sender: string | undefined) => [...new Set(percentilesFrom(rows, tracks, sender).map((row) => row.track))].sort();
    assert.deepEqual(named(undefined), [
      'audio received from 9f1e2d3c',
      'audio received from Tomasz Kowalski',
      'audio sent',
      'video received from Tomasz Kowalski',
    ]);
    assert.deepEqual(named(GRACE), ['audio received from 9f1e2d3c', 'audio sent']);
    assert.deepEqual(named(TOMASZ), ['audio received from Tomasz Kowalski', 'audio sent', 'video received from Tomasz Kowalski']);
  });
});

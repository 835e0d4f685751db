/** Session analysis: participant rows, ordering, the verdict line, header, report and the overview's resolved value. */
import { strict as assert } from 'node:assert';
import { RealtimeKitApiError } from '../../src/api/errors';
import type { RawSessionParticipant } from '../../src/api/types';
import type { InspectedParticipant, PeerStats } from '../../src/shared/model';
import type { ParticipantRow } from '../../src/shared/session';
import { overviewResult } from '../../src/sessionAnalysis/overviewResult';
import { analyseParticipant, failedRow, pendingRow } from '../../src/sessionAnalysis/participantAnalysis';
import { peerSpans } from '../../src/sessionAnalysis/peerSpans';
import { compareByColumn, rankRows } from '../../src/sessionAnalysis/ranking';
import { analysisRequestCount } from '../../src/sessionAnalysis/requestCount';
import { sessionHeader } from '../../src/sessionAnalysis/sessionHeader';
import { sessionMarkdownReport } from '../../src/sessionAnalysis/sessionReport';
import { sessionVerdictLine } from '../../src/sessionAnalysis/verdictLine';
import { sampleColumns, type Sample } from '../fixtures/sampleColumns';

const t0 = Date.parse('2026-11-20T10:00:00Z');
const at = (seconds: number) => new Date(t0 + seconds * 1000).toISOString();

const raw: RawSessionParticipant = {
  id: 'p-1',
  display_name: 'Sam Rivera',
  custom_participant_id: 'cust-1',
  preset_name: 'host',
  joined_at: at(0),
  left_at: at(600),
  duration: '10',
  peer_events: [
    { event_name: 'PEER_CREATED', peer_id: 'peer-a', created_at: at(0) },
    { event_name: 'PEER_JOINING', peer_id: 'peer-a', created_at: at(1) },
    { event_name: 'PEER_LEAVING', peer_id: 'peer-a', created_at: at(200) },
    { event_name: 'PEER_JOINING', peer_id: 'peer-b', created_at: at(230) },
    { event_name: 'PEER_LEAVING', peer_id: 'peer-b', created_at: at(600) },
  ],
};

function stats(peerStats: PeerStats[]): InspectedParticipant {
  return { kind: 'sessionParticipant', id: 'p-1', peers: [], peerEvents: [], peerStats, generations: ['current'], absent: [] };
}

function lossySamples(count: number): Sample[] {
  return Array.from({ length: count }, (_, i) => ({
    t: t0 + i * 1000,
    mos: i >= 10 && i < 40 ? 2.4 : 4.4,
    lossPct: i >= 10 && i < 40 ? 20 : 0.5,
    rttMs: i,
  }));
}

function row(participantId: string, extra: Partial<ParticipantRow> = {}): ParticipantRow {
  return { ...pendingRow({ id: participantId }), state: 'analysed', analysed: true, ...extra };
}

describe('participant analysis', () => {
  it('makes a row with worst figures, device, network, verdict, issue windows and peer spans', () => {
    const peerA: PeerStats = {
      peerId: 'peer-a',
      events: [],
      generation: 'current',
      device: { browser: 'Chrome', browserVersion: '120', os: 'macOS', sdkName: 'web-core', sdkVersion: '1.2.3', deviceChanges: [] },
      network: {
        networkType: 'wifi',
        connectivity: [],
        candidatePairs: [{ transport: 'producing', nominated: true, localType: 'relay', remoteType: 'host' }],
      },
      tracks: [{ kind: 'audio', direction: 'producer', ...sampleColumns(lossySamples(100)), summary: {} }],
    };
    const result = analyseParticipant(raw, stats([peerA]));
    assert.equal(result.participantId, 'p-1');
    assert.equal(result.displayName, 'Sam Rivera');
    assert.equal(result.customParticipantId, 'cust-1');
    assert.equal(result.durationMinutes, 10);
    assert.equal(result.state, 'analysed');
    assert.equal(result.analysed, true);
    assert.equal(result.verdict, 'poor');
    assert.equal(result.issues[0], 'sustained-packet-loss');
    assert.ok(result.issues.includes('reconnects'), 'the second peer is a reconnect, from the list entry');
    assert.ok(result.criticalIssues! >= 1);
    assert.match(result.topIssue!, /Sustained packet loss/);
    assert.equal(result.worstMos, 2.4);
    assert.equal(result.worstLossPct, 20);
    assert.equal(result.p95RttMs, 94);
    assert.equal(result.browser, 'Chrome 120');
    assert.equal(result.os, 'macOS');
    assert.equal(result.sdk, 'web-core 1.2.3');
    assert.equal(result.networkType, 'wifi');
    assert.equal(result.relay, true);
    assert.deepEqual(result.peerIds, ['peer-a', 'peer-b']);
    assert.equal(result.reconnects, 1);
    assert.deepEqual(result.peers, [
      { peerId: 'peer-a', from: t0, to: t0 + 200_000 },
      { peerId: 'peer-b', from: t0 + 230_000, to: t0 + 600_000 },
    ]);
    const loss = result.issueWindows.find((window) => window.rule === 'sustained-packet-loss')!;
    assert.deepEqual([loss.from, loss.to], [t0 + 10_000, t0 + 39_000]);
  });

  it('says unknown, with nothing invented, when the answer holds no statistics', () => {
    const result = analyseParticipant({ id: 'p-2' }, stats([]));
    assert.equal(result.verdict, 'unknown');
    assert.equal(result.state, 'analysed');
    assert.deepEqual(
      [result.worstMos, result.worstLossPct, result.p95RttMs, result.browser, result.relay],
      [undefined, undefined, undefined, undefined, undefined],
    );
    assert.deepEqual(result.peerIds, []);
    assert.equal(result.reconnects, 0);
  });

  it('reads the legacy average loss when samples carry none, and copes with long series', () => {
    const long = Array.from({ length: 200_000 }, (_, i) => ({ t: t0 + i * 1000, mos: 4 - (i === 150_000 ? 2 : 0), rttMs: 50 }));
    const result = analyseParticipant(
      { id: 'p-3' },
      stats([
        {
          peerId: 'q',
          events: [],
          generation: 'legacy',
          tracks: [{ kind: 'audio', direction: 'unknown', ...sampleColumns(long), summary: { avgLossPct: 7 } }],
        },
      ]),
    );
    assert.equal(result.worstMos, 2);
    assert.equal(result.worstLossPct, 7);
    assert.equal(result.p95RttMs, 50);
    assert.deepEqual(result.peerIds, ['q'], 'peers known only from statistics still count');
  });

  it('keeps a failing participant as a row with the reason; a cancelled one is skipped', () => {
    const notFound = new RealtimeKitApiError({
      kind: 'notFound',
      operation: 'Fetching the peer report',
      status: 404,
      ids: { peerId: 'peer-a' },
    });
    const failed = failedRow(raw, notFound);
    assert.equal(failed.state, 'failed');
    assert.equal(failed.verdict, 'unknown');
    assert.match(failed.error!, /not found \(HTTP 404\) for peer ID peer-a/);
    assert.deepEqual(failed.peerIds, ['peer-a', 'peer-b']);
    const skipped = failedRow(raw, new RealtimeKitApiError({ kind: 'cancelled', operation: 'Fetching the peer report' }));
    assert.equal(skipped.state, 'skipped');
    assert.equal(skipped.analysed, false);
    assert.equal(skipped.error, undefined);
    assert.equal(failedRow(raw, 'boom').error, 'boom');
  });

  it('counts the requests analysing the participants takes: details plus one per peer', () => {
    assert.equal(analysisRequestCount([raw, { id: 'p-2' }]), 4);
    // A peer with no readable time, and an event naming no peer: counted as peerSpans lists them.
    const odd = [
      { peer_id: 'peer-x', event_name: 'PEER_JOINING', created_at: 'not a time' },
      { peer_id: 'peer-y', event_name: 'PEER_LEAVING', created_at: '2026-01-01T10:00:00Z' },
      { peer_id: 'peer-x', event_name: 'PEER_LEAVING' },
      { event_name: 'PEER_JOINING', created_at: '2026-01-01T09:00:00Z' },
    ];
    assert.equal(peerSpans(odd).length, 2);
    assert.equal(analysisRequestCount([{ id: 'p-3', peer_events: odd }]), 3);
  });
});

describe('session ordering', () => {
  const rows = [
    row('g', { displayName: 'Gina', verdict: 'good' }),
    row('u', { displayName: 'Uma', verdict: 'unknown', worstMos: 3.9 }),
    row('d', { displayName: 'Dan', verdict: 'degraded', worstMos: 3.2 }),
    row('p1', { displayName: 'zoe', verdict: 'poor', criticalIssues: 1, worstMos: 2.5 }),
    row('p2', { displayName: 'Abe', verdict: 'poor', criticalIssues: 1 }),
    row('p3', { displayName: 'Yan', verdict: 'poor', criticalIssues: 3, worstMos: 1.9 }),
  ];

  it('ranks worst first: poor, degraded, unknown, good; then most critical issues; then name', () => {
    assert.deepEqual(
      rankRows(rows).map((item) => item.participantId),
      ['p3', 'p2', 'p1', 'd', 'u', 'g'],
    );
  });

  it('sorts by any column either way, rows without a value last', () => {
    assert.deepEqual(
      [...rows].sort(compareByColumn('worstMos', 'asc')).map((item) => item.participantId),
      ['p3', 'p1', 'd', 'u', 'p2', 'g'],
    );
    assert.deepEqual(
      [...rows].sort(compareByColumn('worstMos', 'desc')).map((item) => item.participantId),
      ['u', 'd', 'p1', 'p3', 'p2', 'g'],
    );
    assert.deepEqual(
      [...rows].sort(compareByColumn('name')).map((item) => item.displayName),
      ['Abe', 'Dan', 'Gina', 'Uma', 'Yan', 'zoe'],
    );
    assert.deepEqual(
      [...rows].sort(compareByColumn('verdict', 'desc')).map((item) => item.verdict),
      ['good', 'unknown', 'degraded', 'poor', 'poor', 'poor'],
    );
  });
});

describe('session verdict line', () => {
  it('counts poor calls with their causes, degraded, failures, pending, and who hurt others', () => {
    const rows = [
      row('a', { verdict: 'poor', issues: ['sustained-packet-loss'] }),
      row('b', { verdict: 'poor', issues: ['sustained-packet-loss', 'high-jitter'] }),
      row('c', { verdict: 'poor', issues: ['cpu-limited'] }),
      row('d', { verdict: 'degraded', issues: ['high-jitter'] }),
      row('e', { verdict: 'good' }),
      row('f', { verdict: 'good' }),
      row('g', { verdict: 'unknown' }),
      { ...failedRow({ id: 'h' }, new Error('HTTP 403')) },
      pendingRow({ id: 'i' }),
      pendingRow({ id: 'j' }, 'skipped'),
      row('sam', {
        displayName: 'Sam',
        verdict: 'good',
        affected: [
          { participantId: 'a', rule: 'sustained-packet-loss', confidence: 'certain' },
          { participantId: 'b', rule: 'sustained-packet-loss', confidence: 'certain' },
          { participantId: 'b', rule: 'high-jitter', confidence: 'certain' },
          { participantId: 'd', rule: 'high-jitter', confidence: 'certain' },
        ],
      }),
      row('l', { verdict: 'good' }),
    ];
    assert.equal(
      sessionVerdictLine(rows),
      "3 of 12 participants had a poor call: 2 with sustained packet loss, 1 CPU-limited; 1 degraded (1 with high jitter); 4 good; 1 without call statistics; 1 could not be read; 2 not analysed yet. Sam's uplink degraded the call for 3 others.",
    );
  });

  it('reads well with nothing analysed, all good, or an inferred cause', () => {
    assert.equal(sessionVerdictLine([]), 'No participants in this session.');
    assert.equal(sessionVerdictLine([pendingRow({ id: 'a' }), pendingRow({ id: 'b' })]), '2 of 2 participants not analysed yet.');
    assert.equal(sessionVerdictLine([row('a', { verdict: 'good' })]), '1 of 1 participant had a good call.');
    const likely = row('s', {
      displayName: 'Sam',
      verdict: 'good',
      affected: [{ participantId: 'a', rule: 'low-mos', confidence: 'likely' }],
    });
    assert.equal(
      sessionVerdictLine([row('a', { verdict: 'degraded', issues: ['low-mos'] }), likely]),
      "1 of 2 participants had a degraded call: 1 with low MOS; 1 good. Sam's send side likely degraded the call for 1 other.",
    );
    const video = row('d', {
      displayName: 'Dana',
      verdict: 'poor',
      affected: [
        { participantId: 'a', rule: 'fps-drop', confidence: 'certain' },
        { participantId: 'a', rule: 'resolution-downgrade', confidence: 'certain' },
        { participantId: 'a', rule: 'low-mos', confidence: 'certain' },
      ],
    });
    assert.match(
      sessionVerdictLine([row('a', { verdict: 'degraded', issues: ['fps-drop'] }), video]),
      /Dana's sent video degraded the call for 1 other\.$/,
    );
  });
});

describe('session header', () => {
  const session = {
    id: 's-1',
    meeting_display_name: 'Weekly sync',
    status: 'ENDED',
    started_at: at(0),
    ended_at: at(3600),
    max_concurrent_participants: '12',
    minutes_consumed: 540.5,
    type: 'meeting',
  };

  it('reads the session and says what retention leaves of it', () => {
    const header = sessionHeader('s-1', session, t0 + 10 * 86_400_000);
    assert.equal(header.title, 'Weekly sync');
    assert.equal(header.live, false);
    assert.equal(header.durationMinutes, 60);
    assert.equal(header.maxConcurrentParticipants, 12);
    assert.equal(header.minutesConsumed, 540.5);
    assert.deepEqual(header.notices, [
      'Call statistics are kept for 30 days: available until 2026-12-20 (21 days left).',
      'Recordings and transcripts are kept for 7 days: this session is 9 days old, so they are gone (since 2026-11-27).',
    ]);
    assert.match(sessionHeader('s-1', session, t0 + 41 * 86_400_000).notices[0], /this session is 40 days old, so they are gone/);
  });

  it('copes with a live session and with no session answer', () => {
    const live = sessionHeader('s-1', { status: 'LIVE', started_at: at(0) }, t0 + 120_000);
    assert.equal(live.live, true);
    assert.equal(live.durationMinutes, 2);
    assert.deepEqual(live.notices, []);
    assert.deepEqual(sessionHeader('s-2', undefined, t0), {
      sessionId: 's-2',
      title: undefined,
      status: undefined,
      live: false,
      startedAt: undefined,
      endedAt: undefined,
      durationMinutes: undefined,
      maxConcurrentParticipants: undefined,
      minutesConsumed: undefined,
      type: undefined,
      notices: [],
    });
  });
});

describe('session Markdown report', () => {
  it('escapes every piece of API text and lists the table worst first with causes and links', () => {
    const header = sessionHeader(
      's-1',
      { meeting_display_name: 'Sync <script>alert(1)</script>', status: 'ENDED', started_at: at(0), ended_at: at(600) },
      t0 + 86_400_000,
    );
    const rows = [
      row('good', { displayName: 'Fine', verdict: 'good', peerIds: ['x'] }),
      row('bad', {
        displayName: '*Eve* | [x](http://evil) `rm`',
        customParticipantId: 'a_b',
        verdict: 'poor',
        criticalIssues: 1,
        worstMos: 2.345,
        worstLossPct: 12.34,
        p95RttMs: 321.4,
        topIssue: 'Sustained packet loss (audio received)',
        causedBy: [{ participantId: 'good', rule: 'sustained-packet-loss', confidence: 'certain' }],
      }),
      failedRow({ id: 'broken', display_name: 'Bro' }, new Error('HTTP 403 <b>')),
    ];
    const report = sessionMarkdownReport(header, rows, sessionVerdictLine(rows), {
      resources: [
        { kind: 'transcript', state: 'available', url: 'https://example.com/t_1.vtt', expiresAt: at(7200) },
        { kind: 'chat', state: 'not-available' },
      ],
      generatedAt: at(90_000),
    });
    assert.match(report, /^# RealtimeKit session report: Sync &lt;script&gt;alert\(1\)&lt;\/script&gt;$/m);
    assert.ok(!report.includes('<script>') && !report.includes('<b>'));
    assert.match(report, /\| \\\*Eve\\\* \\\| \\\[x\\\]\(http:\/\/evil\) \\`rm\\` \| a\\_b \|/);
    const tableRows = report
      .split('\n')
      .filter((line) => line.startsWith('| ') && !line.startsWith('| Name') && !line.startsWith('| Field') && line.split('|').length > 10);
    assert.deepEqual(
      tableRows.map((line) => line.split(' | ')[0]),
      ['| \\*Eve\\* \\| \\[x\\](http://evil) \\`rm\\`', '| Bro', '| Fine'],
    );
    assert.match(
      tableRows[0],
      /\| 2\.35 \| 12\.3 \| 321 \| poor \| Sustained packet loss \(audio received\) \| Fine \(sustained-packet-loss\) \|$/,
    );
    assert.match(tableRows[1], /unknown \(HTTP 403 &lt;b&gt;\)/);
    assert.match(report, /^- Transcript: https:\/\/example\.com\/t\\_1\.vtt \(link expires 2026-11-20 12:00:00 UTC\)$/m);
    assert.match(report, /^- Chat: not available$/m);
    assert.match(report, /^> Call statistics are kept for 30 days/m);
    assert.match(report, /\| Duration \| 10 min \|/);
  });
});

describe('overview result', () => {
  it('has exactly the keys fixed in the interface, worst first', () => {
    const rows = [
      row('g', { displayName: 'Gina', verdict: 'good', peerIds: ['pg'] }),
      row('p', {
        verdict: 'poor',
        criticalIssues: 1,
        issues: ['sustained-packet-loss', 'high-jitter'],
        causedBy: [
          { participantId: 'g', rule: 'sustained-packet-loss', confidence: 'certain', evidence: 'e', from: 1, to: 2 },
          { participantId: 'g', rule: 'sustained-packet-loss', confidence: 'likely' },
        ],
        affected: [{ participantId: 'x', rule: 'y' }],
      }),
      failedRow({ id: 'f', display_name: 'Fay' }, new Error('HTTP 404')),
      pendingRow({ id: 'w', display_name: 'Wes' }, 'skipped'),
    ];
    const session = { id: 's-1', status: 'ENDED' };
    const result = overviewResult('s-1', session, rows);
    assert.deepEqual(result, {
      sessionId: 's-1',
      session,
      participants: [
        {
          participantId: 'p',
          peerIds: [],
          analysed: true,
          verdict: 'poor',
          issues: ['sustained-packet-loss', 'high-jitter'],
          causedBy: [{ participantId: 'g', rule: 'sustained-packet-loss' }],
        },
        {
          participantId: 'f',
          displayName: 'Fay',
          peerIds: [],
          analysed: true,
          verdict: 'unknown',
          issues: [],
          causedBy: [],
          error: 'HTTP 404',
        },
        { participantId: 'w', displayName: 'Wes', peerIds: [], analysed: false, verdict: 'unknown', issues: [], causedBy: [] },
        { participantId: 'g', displayName: 'Gina', peerIds: ['pg'], analysed: true, verdict: 'good', issues: [], causedBy: [] },
      ],
    });
    assert.deepEqual(Object.keys(overviewResult('s-2', undefined, [])), ['sessionId', 'participants']);
  });
});

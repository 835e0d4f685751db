import { strict as assert } from 'node:assert';
import { tableInParts, type ParticipantRow } from '../../src/shared/session';
import {
  causedByText,
  issueHeadline,
  lossText,
  networkText,
  peersText,
  pendingText,
  topIssueText,
} from '../../src/webview/session/cellText';
import { compareHint } from '../../src/webview/session/compareHint';
import { filterRows } from '../../src/webview/session/filterRows';
import { applyRows } from '../../src/webview/session/rowStore';
import { DEFAULT_SORT, sortRows, textSortKey } from '../../src/webview/session/sortRows';
import { clampWindow, MIN_WINDOW_MS, panWindow, sessionSpan, tickLabel, timeTicks, zoomWindow } from '../../src/webview/session/timeScale';

function row(participantId: string, fields: Partial<ParticipantRow> = {}): ParticipantRow {
  return {
    participantId,
    peerIds: ['peer-1'],
    reconnects: 0,
    state: 'analysed',
    analysed: true,
    verdict: 'good',
    issues: [],
    causedBy: [],
    affected: [],
    peers: [],
    issueWindows: [],
    ...fields,
  };
}

const critical = (rule: string) => ({ rule, severity: 'critical' as const, title: rule, from: 0, to: 1 });
const ids = (rows: ParticipantRow[]) => rows.map((r) => r.participantId);

describe('session table: order', () => {
  const rows = [
    row('good-b', { displayName: 'Bea' }),
    row('unknown', { verdict: 'unknown', displayName: 'Uma' }),
    row('poor-1', { verdict: 'poor', displayName: 'Zed', issues: ['a'], issueWindows: [critical('a')] }),
    row('degraded', { verdict: 'degraded', displayName: 'Dan' }),
    row('poor-2', { verdict: 'poor', displayName: 'Yan', issues: ['a', 'b'], issueWindows: [critical('a'), critical('b'), critical('b')] }),
    row('good-a', { displayName: 'Al' }),
  ];

  it('puts the worst first: poor, degraded, unknown, good; then more critical issues; then the name', () => {
    assert.deepEqual(ids(sortRows(rows, DEFAULT_SORT)), ['poor-2', 'poor-1', 'degraded', 'unknown', 'good-a', 'good-b']);
    assert.deepEqual(ids(sortRows(rows, { column: 'verdict', descending: true })), [
      'good-b',
      'good-a',
      'unknown',
      'degraded',
      'poor-1',
      'poor-2',
    ]);
  });

  it('sorts a column by value with missing values last in both directions, ties worst first', () => {
    const withLoss = [
      row('none'),
      row('low', { worstLossPct: 1 }),
      row('high', { worstLossPct: 12 }),
      row('low-poor', { worstLossPct: 1, verdict: 'poor' }),
    ];
    assert.deepEqual(ids(sortRows(withLoss, { column: 'loss', descending: true })), ['high', 'low-poor', 'low', 'none']);
    assert.deepEqual(ids(sortRows(withLoss, { column: 'loss', descending: false })), ['low-poor', 'low', 'high', 'none']);
  });

  it("takes the host's count of critical issues when it sends one", () => {
    const counted = [
      row('one', { verdict: 'poor', displayName: 'A', criticalIssues: 1 }),
      row('three', { verdict: 'poor', displayName: 'B', criticalIssues: 3, issueWindows: [] }),
    ];
    assert.deepEqual(ids(sortRows(counted, DEFAULT_SORT)), ['three', 'one']);
  });

  it('folds case and accents and pads numbers in text sort keys', () => {
    assert.equal(textSortKey('Chloé'), textSortKey('chloe'));
    assert.ok(textSortKey('user 9') < textSortKey('User 10'));
  });

  it('compares names naturally and without regard to case', () => {
    const named = [row('a', { displayName: 'user 10' }), row('b', { displayName: 'User 9' }), row('c', { displayName: 'alice' })];
    assert.deepEqual(ids(sortRows(named, { column: 'name', descending: false })), ['c', 'b', 'a']);
  });

  it('does not change the array it is given', () => {
    const copy = [...rows];
    sortRows(rows, { column: 'name', descending: true });
    assert.deepEqual(rows, copy);
  });
});

describe('session table: filter', () => {
  const rows = [
    row('p1', {
      displayName: 'Sam Carter',
      browser: 'Chrome 131',
      os: 'Windows 11',
      verdict: 'poor',
      issues: ['sustained-packet-loss'],
      topIssue: 'Sustained packet loss',
    }),
    row('p2', { displayName: 'Alex', customParticipantId: 'crm-42', preset: 'host', os: 'macOS' }),
    row('p3', { displayName: 'Mei', state: 'failed', error: '403' }),
  ];

  it('matches every term, case-insensitively, in names, IDs, preset, browser, OS, issues and verdict', () => {
    assert.deepEqual(ids(filterRows(rows, 'sam CHROME')), ['p1']);
    assert.deepEqual(ids(filterRows(rows, 'crm-42')), ['p2']);
    assert.deepEqual(ids(filterRows(rows, 'packet')), ['p1']);
    assert.deepEqual(ids(filterRows(rows, 'sustained-packet')), ['p1']);
    assert.deepEqual(ids(filterRows(rows, 'poor')), ['p1']);
    assert.deepEqual(ids(filterRows(rows, 'failed')), ['p3']);
    assert.deepEqual(ids(filterRows(rows, 'host mac')), ['p2']);
    assert.deepEqual(ids(filterRows(rows, 'sam alex')), []);
    assert.deepEqual(ids(filterRows(rows, '  ')), ['p1', 'p2', 'p3']);
  });

  it('takes markup in names as plain text', () => {
    const hostile = [row('x', { displayName: '<img src=x onerror=alert(1)>**bold**' })];
    assert.deepEqual(ids(filterRows(hostile, '<img')), ['x']);
  });
});

describe('session table: rows messages', () => {
  it('upserts by participant ID, keeping the place of known rows', () => {
    const first = applyRows([], [row('a'), row('b')], false);
    const next = applyRows(first, [row('b', { verdict: 'poor' }), row('c')], false);
    assert.deepEqual(ids(next), ['a', 'b', 'c']);
    assert.equal(next[1].verdict, 'poor');
    assert.equal(first[1].verdict, 'good');
  });

  it('replaces everything when asked, keeping the last of duplicates', () => {
    const next = applyRows([row('a')], [row('b'), row('c'), row('b', { verdict: 'poor' })], true);
    assert.deepEqual(ids(next), ['b', 'c']);
    assert.equal(next[0].verdict, 'poor');
  });

  it('sends a whole table in parts that, applied in order, replace what was shown with every row in order', () => {
    const shown = [row('old')];
    const table = Array.from({ length: 10 }, (_, index) => row(`p${index}`));
    const parts = tableInParts(table, 4);
    assert.deepEqual(
      parts.map((part) => part.rows.length),
      [4, 4, 2],
    );
    const applied = parts.reduce((rows, part) => applyRows(rows, part.rows, part.replace), shown);
    assert.deepEqual(ids(applied), ids(table));
    assert.deepEqual(tableInParts([], 4), [{ type: 'rows', rows: [], replace: true }], 'an empty table still clears what was shown');
  });
});

describe('session table: cells', () => {
  it('says reconnects, relay and pending states in words', () => {
    assert.equal(peersText(row('a', { peerIds: ['1', '2', '3'], reconnects: 2 })), '3 (2 reconnects)');
    assert.equal(peersText(row('a')), '1');
    assert.equal(networkText(row('a', { networkType: 'wifi', relay: true })), 'wifi · relay (TURN)');
    assert.equal(networkText(row('a', { relay: false })), 'direct');
    assert.equal(lossText(row('a', { worstLossPct: 12.345 })), '12.3 %');
    assert.equal(pendingText(row('a', { state: 'analysing' })), 'analysing');
    assert.equal(pendingText(row('a')), undefined);
  });

  it('names who caused an issue, once each, falling back to the ID', () => {
    const names = new Map([['s', 'Sam']]);
    const victim = row('v', {
      causedBy: [
        { participantId: 's', rule: 'x' },
        { participantId: 's', rule: 'y' },
        { participantId: 'gone', rule: 'x' },
      ],
    });
    assert.equal(
      causedByText(victim, (id) => names.get(id)),
      'caused by Sam, gone',
    );
    assert.equal(
      causedByText(row('a'), () => undefined),
      '',
    );
  });

  it('shows the top issue without its list of tracks, so who caused it is in sight', () => {
    assert.equal(issueHeadline('Low call quality (MOS) (audio received from ba78a9ed, video sent)'), 'Low call quality (MOS)');
    assert.equal(issueHeadline('Frame rate dropped (screenshare video sent)'), 'Frame rate dropped');
    assert.equal(issueHeadline('Low call quality (MOS)'), 'Low call quality (MOS)');
    assert.equal(issueHeadline('Relay only (TURN)'), 'Relay only (TURN)');
    const title = 'Low call quality (MOS) (audio received from ba78a9ed)';
    assert.equal(topIssueText(row('a', { topIssue: title, issues: ['low-mos'] })), 'Low call quality (MOS)');
    const caused = row('b', { topIssue: title, issues: ['low-mos'], causedBy: [{ participantId: 's', rule: 'low-mos' }] });
    assert.equal(topIssueText(caused), 'Low MOS', 'short, so "— caused by …" after it is in sight');
  });

  it('explains when Compare is not available', () => {
    assert.match(compareHint(1), /2 to 8/);
    assert.match(compareHint(10), /untick 2/);
    assert.equal(compareHint(3), '3 participants ticked.');
  });
});

describe('session timeline: time scale', () => {
  const t0 = Date.parse('2026-11-20T09:00:00Z');
  const bounds = { from: t0, to: t0 + 3_600_000 };

  it('spans the session from its header and its participants, up to now while it is live', () => {
    const rows = [row('a', { peers: [{ peerId: 'p', from: t0 - 5000, to: t0 + 60_000 }] })];
    assert.deepEqual(sessionSpan(rows, '2026-11-20T09:00:00Z', '2026-11-20T10:00:00Z', 0), { from: t0 - 5000, to: bounds.to });
    assert.deepEqual(sessionSpan(rows, '2026-11-20T09:00:00Z', undefined, t0 + 120_000), { from: t0 - 5000, to: t0 + 120_000 });
    assert.equal(sessionSpan([], undefined, undefined, 0), undefined);
  });

  it('zooms and pans inside the session, never narrower than the minimum', () => {
    assert.deepEqual(zoomWindow(bounds, 0.5, bounds), { from: t0 + 900_000, to: t0 + 2_700_000 });
    assert.deepEqual(zoomWindow(bounds, 2, bounds), bounds);
    assert.deepEqual(panWindow({ from: t0, to: t0 + 600_000 }, -0.5, bounds), { from: t0, to: t0 + 600_000 });
    assert.equal(clampWindow({ from: t0 + 1000, to: t0 + 1001 }, bounds).to - (t0 + 1000), MIN_WINDOW_MS);
  });

  it('puts ticks on round clock times', () => {
    const { step, ticks } = timeTicks({ from: t0 + 30_000, to: t0 + 3_600_000 }, 8);
    assert.equal(step, 10 * 60_000);
    assert.equal(ticks[0], t0 + 600_000);
    assert.equal(tickLabel(ticks[0], step), '09:10');
    assert.equal(tickLabel(t0 + 5000, 5000), '09:00:05');
  });
});

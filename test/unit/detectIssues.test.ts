/** Each detection rule on crafted series, the thresholds at their edges, and the sample server's troubled peers. */
import { strict as assert } from 'node:assert';
import { detectIssues, verdictOf } from '../../src/analysis/detectIssues';
import { median } from '../../src/analysis/series';
import { THRESHOLDS } from '../../src/analysis/thresholds';
import type { InspectedParticipant, PeerStats, QualityTrack } from '../../src/shared/model';
import { sampleColumns, type Sample } from '../fixtures/sampleColumns';

const t0 = Date.parse('2026-11-20T09:00:00Z');
const STEP = 1_000;

/** A one-minute healthy series, with `bad` applied to samples [from, to). */
function series(bad?: { from: number; to: number; set: Partial<Sample> }, base: Partial<Sample> = {}): Sample[] {
  return Array.from({ length: 60 }, (_, i) => ({
    t: t0 + i * STEP,
    mos: 4.3,
    jitterMs: 5,
    lossPct: 0.2,
    rttMs: 40,
    fps: 30,
    height: 720,
    limitation: 'none',
    ...base,
    ...(bad && i >= bad.from && i < bad.to ? bad.set : {}),
  }));
}

function track(
  kind: QualityTrack['kind'],
  direction: QualityTrack['direction'],
  samples: Sample[],
  summary: QualityTrack['summary'] = {},
): QualityTrack {
  return { kind, direction, ...sampleColumns(samples), summary };
}

function participant(peers: Partial<PeerStats>[], extra: Partial<InspectedParticipant> = {}): InspectedParticipant {
  return {
    kind: 'peer',
    peers: peers.map((peer, i) => ({ peerId: peer.peerId ?? `peer-${i}` })),
    peerEvents: [],
    generations: ['current'],
    absent: [],
    peerStats: peers.map((peer, i) => ({ peerId: `peer-${i}`, events: [], tracks: [], ...peer })),
    ...extra,
  };
}

const rules = (p: InspectedParticipant) => detectIssues(p).map((issue) => issue.rule);

describe('detectIssues', () => {
  it('finds nothing in a healthy call, and says it was good', () => {
    const p = participant([{ tracks: [track('audio', 'producer', series()), track('video', 'producer', series())] }]);
    assert.deepEqual(detectIssues(p), []);
    assert.equal(verdictOf([], p).level, 'good');
  });

  it('sustained packet loss fires at 10 s, not at 9 s, and names the window', () => {
    const nine = participant([{ tracks: [track('audio', 'consumer', series({ from: 20, to: 29, set: { lossPct: 12 } }))] }]);
    assert.deepEqual(rules(nine), []);
    const ten = participant([{ tracks: [track('audio', 'consumer', series({ from: 20, to: 30, set: { lossPct: 12 } }))] }]);
    const [issue] = detectIssues(ten);
    assert.equal(issue.rule, 'sustained-packet-loss');
    assert.equal(issue.severity, 'warning');
    assert.equal(issue.from, t0 + 20 * STEP);
    assert.equal(issue.to, t0 + 29 * STEP);
    assert.match(issue.evidence, /peak 12 % for 10 s from 09:00:20 UTC/);
    const severe = participant([
      { tracks: [track('audio', 'consumer', series({ from: 20, to: 30, set: { lossPct: THRESHOLDS.loss.criticalPercent } }))] },
    ]);
    assert.equal(detectIssues(severe)[0].severity, 'critical');
  });

  it('a gap in the samples breaks a stretch', () => {
    // Ten bad seconds with one sample missing would still count; a minute's gap in the middle does not.
    const samples = series({ from: 20, to: 30, set: { lossPct: 12 } }).filter((_, i) => i !== 25);
    assert.deepEqual(rules(participant([{ tracks: [track('audio', 'consumer', samples)] }])), ['sustained-packet-loss']);
    const spaced = samples.map((sample, i) => (i >= 25 ? { ...sample, t: sample.t + 60_000 } : sample));
    assert.deepEqual(rules(participant([{ tracks: [track('audio', 'consumer', spaced)] }])), []);
  });

  it('high jitter, high RTT and low MOS', () => {
    assert.deepEqual(rules(participant([{ tracks: [track('audio', 'consumer', series({ from: 10, to: 25, set: { jitterMs: 45 } }))] }])), [
      'high-jitter',
    ]);
    assert.deepEqual(rules(participant([{ tracks: [track('audio', 'producer', series({ from: 10, to: 25, set: { rttMs: 420 } }))] }])), [
      'high-rtt',
    ]);
    const mos = detectIssues(participant([{ tracks: [track('audio', 'consumer', series({ from: 10, to: 25, set: { mos: 2.8 } }))] }]));
    assert.deepEqual(
      mos.map((issue) => [issue.rule, issue.severity]),
      [['low-mos', 'critical']],
    );
  });

  it('MOS falling a whole point between the first and last quarter', () => {
    const falling = series(undefined).map((sample, i) => ({ ...sample, mos: i < 30 ? 4.6 : 3.55 }));
    assert.deepEqual(rules(participant([{ tracks: [track('audio', 'consumer', falling)] }])), ['falling-mos']);
  });

  it('fps drops and resolution downgrades on video only', () => {
    assert.deepEqual(rules(participant([{ tracks: [track('video', 'producer', series({ from: 5, to: 20, set: { fps: 9 } }))] }])), [
      'fps-drop',
    ]);
    assert.deepEqual(rules(participant([{ tracks: [track('video', 'consumer', series({ from: 5, to: 20, set: { height: 360 } }))] }])), [
      'resolution-downgrade',
    ]);
    assert.deepEqual(
      rules(participant([{ tracks: [track('audio', 'producer', series({ from: 5, to: 20, set: { fps: 9, height: 100 } }))] }])),
      [],
    );
  });

  it('quotes the worst stretch, which decides the severity, and when the first began', () => {
    const twice = series(undefined).map((sample, i) => ({ ...sample, jitterMs: i >= 5 && i < 17 ? 45 : i >= 30 && i < 42 ? 120 : 5 }));
    const [issue] = detectIssues(participant([{ tracks: [track('audio', 'consumer', twice)] }]));
    assert.equal(issue.severity, 'critical');
    assert.match(
      issue.evidence,
      /peak 120 ms for 1\d s from 09:00:30 UTC \(the worst of 2 stretches, 2\d s in all; the first from 09:00:05\)/,
    );
    assert.equal(issue.from, t0 + 30 * STEP, '"Show on the charts" goes to the stretch quoted');
    const [first] = detectIssues(
      participant([{ tracks: [track('audio', 'consumer', series({ from: 5, to: 20, set: { jitterMs: 45 } }))] }]),
    );
    assert.match(first.evidence, /peak 45 ms for 1\d s from 09:00:05 UTC$/);
  });

  it("a screen share's few frames a second are no fps drop (it sends a frame when the content changes)", () => {
    const slides = track('screenshare_video', 'producer', series(undefined, { fps: 5 }));
    assert.deepEqual(rules(participant([{ tracks: [slides] }])), []);
    const received = track('screenshare_video', 'consumer', series(undefined, { fps: 2 }));
    assert.deepEqual(rules(participant([{ tracks: [received] }])), []);
  });

  it('loss on the way from the participant and loss on the way to it are two issues, each explained', () => {
    const lossy = series({ from: 5, to: 30, set: { lossPct: 9 } });
    const issues = detectIssues(
      participant([{ tracks: [track('audio', 'producer', lossy), track('video', 'producer', lossy), track('audio', 'consumer', lossy)] }]),
    );
    assert.deepEqual(
      issues.map((issue) => [issue.rule, issue.title]),
      [
        ['sustained-packet-loss', 'Sustained packet loss (audio sent, video sent)'],
        ['sustained-packet-loss', 'Sustained packet loss (audio received)'],
      ],
    );
    assert.match(issues[0].explanation, /on the way from this participant/);
    assert.match(issues[1].explanation, /on the way to this participant/);
    // Only what it received can be another participant's doing (the panel shows causes under those alone).
    assert.deepEqual(
      issues.map((issue) => issue.received),
      [false, true],
    );
  });

  it('a low MOS of what it sent and of what it received are two issues, though explained alike', () => {
    const low = series({ from: 5, to: 40, set: { mos: 2.4 } });
    const issues = detectIssues(participant([{ tracks: [track('audio', 'producer', low), track('audio', 'consumer', low)] }]));
    assert.deepEqual(
      issues.map((issue) => [issue.rule, issue.received]),
      [
        ['low-mos', false],
        ['low-mos', true],
      ],
    );
    assert.match(issues[0].title, /\(audio sent\)$/);
    assert.match(issues[1].title, /\(audio received\)$/);
  });

  it('cpu and bandwidth limitation from samples (20 s) or from the cumulative fraction', () => {
    const cpu = participant([{ tracks: [track('video', 'producer', series({ from: 10, to: 30, set: { limitation: 'cpu' } }))] }]);
    assert.deepEqual(rules(cpu), ['cpu-limited']);
    const short = participant([{ tracks: [track('video', 'producer', series({ from: 10, to: 15, set: { limitation: 'bandwidth' } }))] }]);
    assert.deepEqual(rules(short), [], '5 s in 60 s is under both the stretch and the fraction bounds');
    const fraction = participant([{ tracks: [track('video', 'producer', series(), { bandwidthLimitedFraction: 0.4 })] }]);
    const [issue] = detectIssues(fraction);
    assert.equal(issue.rule, 'bandwidth-limited');
    assert.equal(issue.severity, 'critical');
  });

  it('counts a limitation reason it does not know as another reason, not as none given', () => {
    const cpu = participant([
      { tracks: [track('video', 'producer', series({ from: 10, to: 30, set: { limitation: 'cpu' } }, { limitation: 'thermal' }))] },
    ]);
    const [issue] = detectIssues(cpu);
    assert.equal(issue.rule, 'cpu-limited');
    assert.match(issue.evidence, /limited by cpu 33 % of the time/, '20 of 60 samples that gave a reason');
  });

  it('relay-only connectivity, failed TURN, poor pre-call test', () => {
    const relay = participant([
      {
        network: {
          connectivity: [{ reflexive: false, relay: true, turn: true }],
          candidatePairs: [{ transport: 'producing', nominated: true, localType: 'relay', remoteType: 'host', localProtocol: 'tcp' }],
        },
      },
    ]);
    assert.deepEqual(rules(relay), ['relay-only']);
    const turn = participant([{ network: { connectivity: [{ reflexive: true, relay: true, turn: false }], candidatePairs: [] } }]);
    assert.deepEqual(rules(turn), ['connectivity-failed']);
    const precall = participant([{ precall: { rttMs: 450, fractionalLoss: 0.08, throughputKbps: 300 } }]);
    const [issue] = detectIssues(precall);
    assert.equal(issue.rule, 'poor-precall');
    assert.match(issue.evidence, /RTT 450 ms, loss 8 %, throughput 300 kbit\/s/);
  });

  it('reconnects and device changes after the set-up seconds', () => {
    const joined = '2026-11-20T09:00:00Z';
    const devices = participant(
      [
        {
          device: {
            deviceChanges: [
              { at: '2026-11-20T09:00:02Z', change: 'added', kind: 'audioinput', label: 'Mic' },
              { at: '2026-11-20T09:05:00Z', change: 'selected', kind: 'audioinput', label: 'USB headset' },
            ],
          },
        },
        {},
      ],
      { joinedAt: joined },
    );
    const found = detectIssues(devices);
    assert.deepEqual(found.map((issue) => issue.rule).sort(), ['device-change', 'reconnects']);
    assert.match(
      found.find((issue) => issue.rule === 'device-change')!.evidence,
      /1 change, first at 09:05:00 UTC: selected audioinput "USB headset"/,
    );
  });

  it('merges one rule across tracks of a peer, worst first', () => {
    const p = participant([
      {
        tracks: [
          track('audio', 'producer', series({ from: 10, to: 25, set: { jitterMs: 40 } })),
          track('video', 'producer', series({ from: 10, to: 25, set: { jitterMs: 150 } })),
        ],
      },
    ]);
    const issues = detectIssues(p);
    assert.equal(issues.length, 1);
    assert.equal(issues[0].severity, 'critical');
    assert.match(issues[0].title, /^High jitter \(video sent, audio sent\)$|^High jitter \(audio sent, video sent\)$/);
    assert.match(issues[0].evidence, /^peer peer-0, video sent: peak 150 ms/);
  });

  it("keeps each merged track's window and severity, once per window, for who affected whom", () => {
    const early = series({ from: 5, to: 25, set: { lossPct: 20 } });
    const late = series({ from: 35, to: 50, set: { lossPct: 6 } });
    const issues = detectIssues(
      participant([
        {
          tracks: [track('audio', 'consumer', early), track('video', 'consumer', early), track('audio', 'consumer', late)],
        },
      ]),
    );
    assert.equal(issues.length, 1);
    assert.deepEqual(
      issues[0].windows?.map(({ from, to, severity }) => [(from - t0) / STEP, (to - t0) / STEP, severity]),
      [
        [5, 24, 'critical'],
        [35, 49, 'warning'],
      ],
    );
    assert.deepEqual(
      [issues[0].from, issues[0].to],
      [issues[0].windows?.[0].from, issues[0].windows?.[0].to],
      "the lead's window stays the issue's",
    );
  });

  it('keeps every critical stretch of a track as a window, the quoted worst one first, and no warning stretch beside them', () => {
    const samples = series({ from: 5, to: 20, set: { lossPct: 16 } }).map((sample, i) =>
      i >= 25 && i < 38 ? { ...sample, lossPct: 30 } : i >= 44 && i < 58 ? { ...sample, lossPct: 7 } : sample,
    );
    const [issue, ...others] = detectIssues(participant([{ tracks: [track('audio', 'consumer', samples)] }]));
    assert.equal(others.length, 0);
    assert.equal(issue.severity, 'critical');
    assert.deepEqual([(issue.from! - t0) / STEP, (issue.to! - t0) / STEP], [25, 37], 'the worst stretch is quoted');
    assert.deepEqual(
      issue.windows?.map(({ from, to, severity }) => [(from - t0) / STEP, (to - t0) / STEP, severity]),
      [
        [25, 37, 'critical'],
        [5, 19, 'critical'],
      ],
    );
    // One critical stretch: the issue's own window says it all.
    const one = detectIssues(participant([{ tracks: [track('audio', 'consumer', series({ from: 5, to: 20, set: { lossPct: 16 } }))] }]));
    assert.equal(one[0].windows, undefined);
  });

  it('names the sender of a received track on the issue and on each window, and none when an issue joins several', () => {
    const bad = series({ from: 5, to: 25, set: { lossPct: 20 } });
    const from = (remotePeerId: string, kind: QualityTrack['kind'] = 'audio') => ({ ...track(kind, 'consumer', bad), remotePeerId });
    const [one] = detectIssues(participant([{ tracks: [from('sam'), from('sam', 'video')] }]));
    assert.equal(one.sender, 'sam');
    const [two] = detectIssues(participant([{ tracks: [from('sam'), from('grace')] }]));
    assert.equal(two.sender, undefined);
    assert.deepEqual(
      two.windows?.map((window) => window.sender),
      ['sam', 'grace'],
      'the same stretch of two senders is two windows',
    );
    const [sent] = detectIssues(participant([{ tracks: [track('audio', 'producer', bad)] }]));
    assert.equal(sent.sender, undefined);
  });

  it('uses a legacy average loss when samples carry none', () => {
    const samples = series().map(({ lossPct: _loss, ...rest }) => rest);
    const p = participant([{ tracks: [track('audio', 'unknown', samples, { avgLossPct: 7.5 })] }]);
    assert.deepEqual(rules(p), ['sustained-packet-loss']);
  });

  it('judges nothing without statistics', () => {
    const empty = participant([]);
    assert.deepEqual(detectIssues(empty), []);
    assert.equal(verdictOf([], empty).level, 'unknown');
  });

  it('sorts critical before warning before info and builds a verdict from them', () => {
    const p = participant([
      {
        tracks: [
          track('audio', 'consumer', series({ from: 10, to: 25, set: { lossPct: 30 } })),
          track('video', 'producer', series({ from: 30, to: 45, set: { height: 360 } })),
        ],
      },
      {},
    ]);
    const issues = detectIssues(p);
    assert.deepEqual(
      issues.map((issue) => issue.severity),
      ['critical', 'warning', 'warning'],
    );
    const verdict = verdictOf(issues, p);
    assert.equal(verdict.level, 'poor');
    assert.match(verdict.line, /^Poor call: sustained packet loss; also /);
  });

  it('analyses a track of 200,000 samples (more than Math.max(...values) can take as arguments)', () => {
    const samples = Array.from({ length: 200_000 }, (_, i): Sample => ({
      t: t0 + i * STEP,
      fps: 30,
      height: i < 100_000 ? 720 : 360,
      limitation: i % 2 ? 'cpu' : 'none',
    }));
    const issues = detectIssues(
      participant([
        {
          tracks: [track('video', 'producer', samples)],
          device: {
            deviceChanges: [
              { at: new Date(t0 + 60_000).toISOString(), change: 'selected' },
              { at: new Date(t0).toISOString(), change: 'selected' },
            ],
          },
        },
      ]),
    );
    const rulesFound = issues.map((issue) => issue.rule);
    assert.ok(rulesFound.includes('resolution-downgrade'), rulesFound.join(', '));
    assert.match(issues.find((issue) => issue.rule === 'resolution-downgrade')!.evidence, /720p down to/);
  });
});

describe('median (the falling-MOS rule compares the first and last quarter by it)', () => {
  it('takes the upper middle value in numeric order, of an array or a typed array, and none of nothing', () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([10, -1, 5, 0]), 5, 'numeric, not text order');
    assert.equal(median(Float64Array.of(4.4, 3.1, 3.9)), 3.9);
    assert.equal(median([]), undefined);
  });
});

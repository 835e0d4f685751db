import { strict as assert } from 'node:assert';
import type { ParticipantAttribution } from '../../src/sessionAnalysis/attribution';
import { withAttribution } from '../../src/sessionAnalysis/attribution';
import type { ParticipantRow } from '../../src/shared/session';

const MIN = 60_000;

function row(overrides: Partial<ParticipantRow>): ParticipantRow {
  return {
    participantId: 'receiver',
    peerIds: [],
    reconnects: 0,
    state: 'analysed',
    analysed: true,
    verdict: 'poor',
    issues: ['sustained-packet-loss'],
    criticalIssues: 1,
    causedBy: [],
    affected: [],
    peers: [],
    issueWindows: [{ rule: 'sustained-packet-loss', severity: 'critical', title: 'Loss', from: 3 * MIN, to: 5 * MIN }],
    ...overrides,
  };
}

const cause = (from: number, to: number, confidence: 'certain' | 'likely' = 'certain'): ParticipantAttribution => ({
  causedBy: [{ participantId: 'sender', rule: 'sustained-packet-loss', confidence, from, to }],
  affected: [],
});

describe("a receiver's verdict when someone else's uplink explains its problems", () => {
  it('is degraded, not poor, when every critical window is caused by another sender', () => {
    const [result] = withAttribution([row({})], new Map([['receiver', cause(3 * MIN, 5 * MIN)]]));
    assert.equal(result.verdict, 'degraded');
    assert.equal(result.explainedByOthers, true, 'marked, so its stats panel can say why');
    assert.equal(result.causedBy.length, 1);
  });

  it("is degraded when one sender's cause accounts for each of two critical windows, and only then", () => {
    const twoStretches = row({
      issueWindows: [
        { rule: 'sustained-packet-loss', severity: 'critical', title: 'Loss', received: true, from: 3 * MIN, to: 5 * MIN },
        { rule: 'sustained-packet-loss', severity: 'critical', title: 'Loss', received: true, from: 15 * MIN, to: 17 * MIN },
      ],
    });
    const both = (windows: Array<{ from: number; to: number }>): ParticipantAttribution => ({
      causedBy: [{ participantId: 'sender', rule: 'sustained-packet-loss', confidence: 'certain', ...windows[0], windows }],
      affected: [],
    });
    const explained = withAttribution(
      [twoStretches],
      new Map([
        [
          'receiver',
          both([
            { from: 3 * MIN, to: 5 * MIN },
            { from: 15 * MIN, to: 17 * MIN },
          ]),
        ],
      ]),
    );
    assert.equal(explained[0].verdict, 'degraded');
    const firstOnly = withAttribution([twoStretches], new Map([['receiver', both([{ from: 3 * MIN, to: 5 * MIN }])]]));
    assert.equal(firstOnly[0].verdict, 'poor', 'the second stretch has no cause');
  });

  it('stays poor when the cause does not overlap, is only inferred, or a critical issue is its own', () => {
    const apart = withAttribution([row({})], new Map([['receiver', cause(10 * MIN, 12 * MIN)]]))[0];
    assert.equal(apart.verdict, 'poor');
    assert.equal(apart.explainedByOthers, undefined);
    const likely = withAttribution([row({})], new Map([['receiver', cause(3 * MIN, 5 * MIN, 'likely')]]))[0];
    assert.equal(likely.verdict, 'poor');
    const ownRelay = withAttribution(
      [row({ criticalIssues: 2, issues: ['sustained-packet-loss', 'connectivity-failed'] })],
      new Map([['receiver', cause(3 * MIN, 5 * MIN)]]),
    )[0];
    assert.equal(ownRelay.verdict, 'poor', 'a critical issue without a window is its own');
  });

  it('stays poor when it degraded others itself: a root cause is never demoted', () => {
    const attribution: ParticipantAttribution = { ...cause(3 * MIN, 5 * MIN), affected: [{ participantId: 'other', rule: 'low-mos' }] };
    assert.equal(withAttribution([row({})], new Map([['receiver', attribution]]))[0].verdict, 'poor');
  });
  it('is judged afresh from its own verdict each time: one demoted that affects others since is poor again', () => {
    const [demoted] = withAttribution([row({})], new Map([['receiver', cause(3 * MIN, 5 * MIN)]]));
    assert.equal(demoted.verdict, 'degraded');
    const later: ParticipantAttribution = { ...cause(3 * MIN, 5 * MIN), affected: [{ participantId: 'other', rule: 'low-mos' }] };
    const [again] = withAttribution([demoted], new Map([['receiver', later]]));
    assert.equal(again.verdict, 'poor');
    assert.equal(again.explainedByOthers, undefined);
    const [still] = withAttribution([demoted], new Map([['receiver', cause(3 * MIN, 5 * MIN)]]));
    assert.deepEqual([still.verdict, still.explainedByOthers], ['degraded', true], 'and stays demoted while nothing changed');
  });

  it('stays poor when a critical problem is with what it sent, though a cause of the same rule overlaps it', () => {
    const sent = row({
      issueWindows: [{ rule: 'sustained-packet-loss', severity: 'critical', title: 'Loss', received: false, from: 3 * MIN, to: 5 * MIN }],
    });
    assert.equal(withAttribution([sent], new Map([['receiver', cause(3 * MIN, 5 * MIN)]]))[0].verdict, 'poor');
  });
  it("stays poor when one of an issue's critical windows has another's cause and the other only an inferred one", () => {
    const twoSenders = row({
      issueWindows: [
        { rule: 'sustained-packet-loss', severity: 'critical', title: 'Loss', received: true, from: 3 * MIN, to: 5 * MIN },
        { rule: 'sustained-packet-loss', severity: 'critical', title: 'Loss', received: true, from: 15 * MIN, to: 17 * MIN },
      ],
    });
    const causes: ParticipantAttribution = {
      causedBy: [...cause(3 * MIN, 5 * MIN).causedBy, ...cause(15 * MIN, 17 * MIN, 'likely').causedBy],
      affected: [],
    };
    assert.equal(withAttribution([twoSenders], new Map([['receiver', causes]]))[0].verdict, 'poor');
    const bothCertain: ParticipantAttribution = {
      causedBy: [...cause(3 * MIN, 5 * MIN).causedBy, ...cause(15 * MIN, 17 * MIN).causedBy],
      affected: [],
    };
    assert.equal(withAttribution([twoSenders], new Map([['receiver', bothCertain]]))[0].verdict, 'degraded', 'both windows explained');
    // Two windows of one issue are not two issues: a critical issue without a window (its relay) is still its own.
    const withRelay = { ...twoSenders, criticalIssues: 2, issues: ['sustained-packet-loss', 'relay-only'] };
    assert.equal(withAttribution([withRelay], new Map([['receiver', bothCertain]]))[0].verdict, 'poor');
  });
});

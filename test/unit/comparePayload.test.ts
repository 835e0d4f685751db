/** What the compare panel is given: each participant's tracks, events, verdict and causes, in the order ticked. */
import { strict as assert } from 'node:assert';
import { detectIssues, verdictOf } from '../../src/analysis/detectIssues';
import { digestPeers } from '../../src/sessionAnalysis/attributionDigest';
import { comparePayload, type CompareInput } from '../../src/sessionAnalysis/comparePayload';
import type { InspectedParticipant, PeerStats, QualityTrack } from '../../src/shared/model';
import { toWireParticipant } from '../../src/shared/wire';
import { healthyMinute, sampleColumns } from '../fixtures/sampleColumns';

const t0 = Date.parse('2026-11-20T10:00:00Z');
const scope = { accountId: 'account', appId: 'app' };
const session = { sessionId: 'session-1', title: 'Weekly sync' };

function track(direction: QualityTrack['direction'], link: Partial<QualityTrack>, bad?: Parameters<typeof healthyMinute>[1]): QualityTrack {
  return { kind: 'audio', direction, ...sampleColumns(healthyMinute(t0, bad)), summary: {}, ...link };
}

/** A participant as the stats worker hands it to compare: one peer, its wire, issues, verdict and digest. */
function compared(participantId: string, displayName: string, tracks: QualityTrack[], extra: Partial<CompareInput> = {}): CompareInput {
  const peerId = `peer-${participantId}`;
  const peer: PeerStats = {
    peerId,
    generation: 'current',
    tracks,
    events: [{ at: new Date(t0 + 5_000).toISOString(), name: 'mic muted' }],
  };
  const inspected: InspectedParticipant = {
    kind: 'sessionParticipant',
    displayName,
    peers: [{ peerId }],
    peerEvents: [],
    generations: ['current'],
    absent: [],
    peerStats: [peer],
  };
  const issues = detectIssues(inspected);
  return {
    participantId,
    peerIds: [peerId],
    statistics: { wire: toWireParticipant(inspected), issues, verdict: verdictOf(issues, inspected), digest: digestPeers([peer]) },
    ...extra,
  };
}

const LOSS = { from: 10, to: 40, set: { lossPct: 30 } };

describe('comparePayload', () => {
  it('gives each participant its colour in the order ticked, its tracks, events and verdict, and who affected whom among them', () => {
    const payload = comparePayload(scope, session, [
      compared('ana', 'Ana', [track('consumer', { producerId: 'prod-ana-in', remotePeerId: 'peer-sam' }, LOSS)]),
      compared('sam', 'Sam Rivera', [track('producer', { producerId: 'prod-ana-in' }, LOSS)]),
    ]);
    assert.deepEqual(
      payload.participants.map((p) => [p.participantId, p.displayName, p.colour, p.verdict.level, p.tracks.length, p.events.length]),
      [
        ['ana', 'Ana', 0, 'poor', 1, 1],
        ['sam', 'Sam Rivera', 1, 'poor', 1, 1],
      ],
    );
    const [ana, sam] = payload.participants;
    assert.deepEqual(
      ana.causedBy.map((cause) => [cause.participantId, cause.rule, cause.confidence]),
      [['sam', 'sustained-packet-loss', 'certain']],
    );
    assert.deepEqual(
      sam.affected.map((item) => item.participantId),
      ['ana'],
    );
    assert.ok(ana.tracks[0].columns.t instanceof Float64Array, 'the tracks as the stats panel gets them');
    assert.deepEqual(payload.notices, []);
    assert.deepEqual(payload.restore, { ...scope, sessionId: 'session-1', participantIds: ['ana', 'sam'] });
    assert.equal(payload.sessionTitle, 'Weekly sync');
  });

  it('says an overview ranks a poor call degraded only for a poor call', () => {
    const payload = comparePayload(scope, session, [
      compared('ana', 'Ana', [track('consumer', { remotePeerId: 'peer-sam' }, LOSS)], { explainedByOthers: true }),
      compared('bo', 'Bo', [track('consumer', { remotePeerId: 'peer-sam' })], { explainedByOthers: true }),
    ]);
    assert.deepEqual(
      payload.participants.map((p) => [p.verdict.level, p.explainedByOthers]),
      [
        ['poor', true],
        ['good', undefined],
      ],
    );
  });

  it('keeps a participant whose statistics failed, with why, and attributes among the others', () => {
    const payload = comparePayload(scope, session, [
      compared('ana', 'Ana', [track('consumer', { producerId: 'prod-in', remotePeerId: 'peer-sam' }, LOSS)]),
      { participantId: 'lost', displayName: 'Lost', peerIds: ['peer-lost'], error: 'The API answered 404.' },
      compared('sam', 'Sam', [track('producer', { producerId: 'prod-in' }, LOSS)]),
    ]);
    const lost = payload.participants[1];
    assert.deepEqual(
      [lost.displayName, lost.colour, lost.verdict.level, lost.tracks, lost.events, lost.error],
      ['Lost', 1, 'unknown', [], [], 'The API answered 404.'],
    );
    assert.equal(payload.participants[0].causedBy[0]?.participantId, 'sam');
  });

  it('says when the older API generation leaves who affected whom out', () => {
    const older = compared('ana', 'Ana', [track('consumer', {}, LOSS)]);
    const peer = { peerId: 'peer-ana', generation: 'legacy' as const, tracks: [track('consumer', {}, LOSS)], events: [] };
    const payload = comparePayload(scope, session, [{ ...older, statistics: { ...older.statistics!, digest: digestPeers([peer]) } }]);
    assert.equal(payload.notices.length, 1);
    assert.match(payload.notices[0], /current API/);
  });
});

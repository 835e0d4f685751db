/** Who affected whom, on crafted tracks: each rule of the attribution and its refusals. */
import { strict as assert } from 'node:assert';
import type { PeerStats, QualityTrack } from '../../src/shared/model';
import { attributeSession, attributionNotice, withAttribution, type AttributionInput } from '../../src/sessionAnalysis/attribution';
import { digestPeers } from '../../src/sessionAnalysis/attributionDigest';
import { pendingRow } from '../../src/sessionAnalysis/participantAnalysis';
import { peerOwners } from '../../src/sessionAnalysis/peerSpans';
import { healthyMinute, sampleColumns } from '../fixtures/sampleColumns';

const t0 = Date.parse('2026-11-20T10:00:00Z');

function track(
  direction: QualityTrack['direction'],
  extra: Partial<QualityTrack> = {},
  bad?: Parameters<typeof healthyMinute>[1],
): QualityTrack {
  return { kind: 'audio', direction, ...sampleColumns(healthyMinute(t0, bad)), summary: {}, ...extra };
}

function participant(
  participantId: string,
  displayName: string,
  tracks: QualityTrack[],
  generation: PeerStats['generation'] = 'current',
): AttributionInput {
  const peerId = `peer-${participantId}`;
  return { participantId, displayName, peerIds: [peerId], peers: digestPeers([{ peerId, events: [], tracks, generation }]) };
}

const LOSS = { set: { lossPct: 12 } };
const samAudio = { producerId: 'prod-sam-audio' };
const fromSam = { producerId: 'prod-sam-audio', remotePeerId: 'peer-sam' };

describe('attribution', () => {
  it("puts two receivers' loss down to the sender's uplink loss in the same window", () => {
    const result = attributeSession([
      participant('sam', 'Sam Rivera', [track('producer', samAudio, { from: 10, to: 30, ...LOSS })]),
      participant('ana', 'Ana', [track('consumer', fromSam, { from: 11, to: 31, ...LOSS })]),
      participant('bo', 'Bo', [track('consumer', fromSam, { from: 12, to: 32, ...LOSS })]),
    ]);
    const [cause] = result.get('ana')!.causedBy;
    assert.equal(result.get('ana')!.causedBy.length, 1);
    assert.equal(cause.participantId, 'sam');
    assert.equal(cause.rule, 'sustained-packet-loss');
    assert.equal(cause.confidence, 'certain');
    assert.equal(cause.evidence, "caused by Sam Rivera's uplink: 12 % loss 10:00:10–10:00:29 UTC");
    assert.equal(cause.from, t0 + 11_000);
    assert.deepEqual(
      result.get('sam')!.affected.map((item) => [item.participantId, item.rule, item.confidence]),
      [
        ['ana', 'sustained-packet-loss', 'certain'],
        ['bo', 'sustained-packet-loss', 'certain'],
      ],
    );
    assert.deepEqual(result.get('sam')!.causedBy, [], 'the sender itself is not a victim');
  });

  it("keeps every window of a receiver's that one sender's uplink accounts for, in one cause", () => {
    const twice = (): QualityTrack['columns'] =>
      sampleColumns(healthyMinute(t0).map((sample, i) => ((i >= 5 && i < 20) || (i >= 38 && i < 55) ? { ...sample, lossPct: 20 } : sample)))
        .columns;
    const result = attributeSession([
      participant('sam', 'Sam Rivera', [track('producer', { ...samAudio, columns: twice() })]),
      participant('ana', 'Ana', [track('consumer', { ...fromSam, columns: twice() })]),
    ]);
    const causes = result.get('ana')!.causedBy;
    assert.equal(causes.length, 1, 'one cause per sender and rule');
    assert.deepEqual(
      causes[0].windows?.map(({ from, to }) => [(from - t0) / 1_000, (to - t0) / 1_000]),
      [
        [5, 19],
        [38, 54],
      ],
    );
    assert.deepEqual(
      [causes[0].from, causes[0].to],
      [causes[0].windows?.[0].from, causes[0].windows?.[0].to],
      "the first is the evidence's",
    );
  });

  it("leaves a receiver's loss alone when the sender's send side was clean (its own downlink)", () => {
    const result = attributeSession([
      participant('sam', 'Sam', [track('producer', samAudio)]),
      participant('ana', 'Ana', [track('consumer', fromSam, { from: 10, to: 40, ...LOSS })]),
    ]);
    assert.deepEqual(result.get('ana')!.causedBy, []);
    assert.deepEqual(result.get('sam')!.affected, []);
  });

  it('attributes jitter the same way, with its own figure', () => {
    const result = attributeSession([
      participant('sam', 'Sam', [track('producer', samAudio, { from: 20, to: 40, set: { jitterMs: 80 } })]),
      participant('ana', 'Ana', [track('consumer', fromSam, { from: 22, to: 42, set: { jitterMs: 90 } })]),
    ]);
    const causes = result.get('ana')!.causedBy;
    assert.deepEqual(
      causes.map((cause) => [cause.rule, cause.confidence]),
      [['high-jitter', 'certain']],
    );
    assert.match(causes[0].evidence!, /80 ms jitter 10:00:20–10:00:39 UTC/);
  });

  it('never attributes windows that do not overlap', () => {
    const result = attributeSession([
      participant('sam', 'Sam', [track('producer', samAudio, { from: 0, to: 15, ...LOSS })]),
      participant('ana', 'Ana', [track('consumer', fromSam, { from: 40, to: 55, ...LOSS })]),
    ]);
    assert.deepEqual(result.get('ana')!.causedBy, []);
  });

  it('falls back to the sending peer and media kind when the producer ID is missing', () => {
    const video = (direction: QualityTrack['direction'], extra: Partial<QualityTrack>, bad?: Parameters<typeof healthyMinute>[1]) => ({
      ...track(direction, extra, bad),
      kind: 'video' as const,
    });
    const result = attributeSession([
      participant('sam', 'Sam', [
        track('producer', samAudio),
        video('producer', { producerId: 'prod-sam-video' }, { from: 5, to: 30, set: { fps: 6 } }),
      ]),
      participant('ana', 'Ana', [video('consumer', { remotePeerId: 'peer-sam' }, { from: 6, to: 31, set: { fps: 5 } })]),
    ]);
    assert.deepEqual(
      result.get('ana')!.causedBy.map((cause) => [cause.participantId, cause.rule, cause.confidence]),
      [['sam', 'fps-drop', 'certain']],
    );
    // A low frame rate is what the encoder sent (CPU as often as bandwidth), not the uplink's fault.
    assert.match(result.get('ana')!.causedBy[0].evidence ?? '', /^caused by Sam's sent video: 6 fps /);
  });

  it('finds the sender through the peer owners of the session list when its report is not in', () => {
    const owners = peerOwners([
      { id: 'sam', peer_events: [{ event_name: 'PEER_JOINING', peer_id: 'peer-sam-2', created_at: new Date(t0).toISOString() }] },
    ]);
    const receiver = (id: string) =>
      participant(id, id, [track('consumer', { remotePeerId: 'peer-sam-2' }, { from: 10, to: 30, ...LOSS })]);
    const result = attributeSession([receiver('ana'), receiver('bo')], owners);
    assert.deepEqual(
      result.get('ana')!.causedBy.map((cause) => [cause.participantId, cause.confidence]),
      [['sam', 'likely']],
    );
    assert.deepEqual(
      result.get('sam')!.affected.map((item) => item.participantId),
      ['ana', 'bo'],
    );
  });

  it("says 'likely', as an inference, when several receivers suffer at once and the sender's samples are missing", () => {
    const sam: AttributionInput = { participantId: 'sam', displayName: 'Sam', peerIds: ['peer-sam'], peers: [] };
    const result = attributeSession([
      sam,
      participant('ana', 'Ana', [track('consumer', fromSam, { from: 10, to: 30, ...LOSS })]),
      participant('bo', 'Bo', [track('consumer', fromSam, { from: 15, to: 35, ...LOSS })]),
    ]);
    const [cause] = result.get('ana')!.causedBy;
    assert.equal(cause.confidence, 'likely');
    assert.match(
      cause.evidence!,
      /^likely Sam's uplink \(inferred: 2 receivers had packet loss at once .*Sam's own send statistics are missing\)$/,
    );
    assert.equal(result.get('bo')!.causedBy[0].confidence, 'likely');
  });

  it('does not infer from a single receiver', () => {
    const sam: AttributionInput = { participantId: 'sam', peerIds: ['peer-sam'], peers: [] };
    const result = attributeSession([sam, participant('ana', 'Ana', [track('consumer', fromSam, { from: 10, to: 30, ...LOSS })])]);
    assert.deepEqual(result.get('ana')!.causedBy, []);
  });

  it('attributes nothing in the older generation, and says why', () => {
    const inputs = [
      participant('sam', 'Sam', [track('producer', samAudio, { from: 10, to: 30, ...LOSS })], 'legacy'),
      participant('ana', 'Ana', [track('consumer', fromSam, { from: 10, to: 30, ...LOSS })], 'legacy'),
    ];
    const result = attributeSession(inputs);
    assert.ok([...result.values()].every((item) => item.causedBy.length === 0 && item.affected.length === 0));
    assert.match(attributionNotice(inputs)!, /needs the current API/);
    assert.equal(attributionNotice([participant('sam', 'Sam', [track('producer', samAudio)])]), undefined);
    assert.equal(attributionNotice([]), undefined, 'nothing analysed yet: nothing to say');
  });

  it('fills the rows', () => {
    const result = attributeSession([
      participant('sam', 'Sam', [track('producer', samAudio, { from: 10, to: 30, ...LOSS })]),
      participant('ana', 'Ana', [track('consumer', fromSam, { from: 11, to: 31, ...LOSS })]),
    ]);
    const rows = withAttribution([pendingRow({ id: 'sam' }), pendingRow({ id: 'ana' }), pendingRow({ id: 'zed' })], result);
    assert.equal(rows[0].affected[0].participantId, 'ana');
    assert.equal(rows[1].causedBy[0].participantId, 'sam');
    assert.deepEqual(rows[2].causedBy, []);
  });
});

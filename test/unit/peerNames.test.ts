import { strict as assert } from 'node:assert';
import type { PanelPayload } from '../../src/shared/messages';
import { trackLabel } from '../../src/shared/metrics';
import type { DetectedIssue } from '../../src/shared/model';
import { PeerNamer, peerNamesOf, withPeerNames } from '../../src/shared/peerNames';
import { percentileRows, type WirePeerStats, type WireTrack } from '../../src/shared/wire';

const TOMASZ = '34dcacae-1111-4000-8000-000000000001';
const TOMASZ_AGAIN = '40163096-1111-4000-8000-000000000002';
const PRIYA = 'ba78a9ed-1111-4000-8000-000000000003';
const STRANGER = 'f0fd0498-1111-4000-8000-000000000004';

function received(from: string, values: number[]): WireTrack {
  return {
    kind: 'audio',
    direction: 'consumer',
    remotePeerId: from,
    summary: {},
    columns: { t: Float64Array.from(values, (_, i) => i * 1000), mos: Float32Array.from(values) },
  };
}

function payload(names?: Record<string, string>): PanelPayload {
  const tracks = [received(TOMASZ, [4.2, 2.1]), received(PRIYA, [4.4, 4.3]), received(STRANGER, [4.1, 4.1])];
  const peer: WirePeerStats = { peerId: 'mine', events: [], tracks, percentiles: percentileRows(tracks) };
  const issue: DetectedIssue = {
    rule: 'low-mos',
    severity: 'critical',
    title: `Low MOS (${trackLabel(tracks[0])})`,
    evidence: `peer mine, ${trackLabel(tracks[0])}: low 2.1`,
    explanation: 'Poor audio.',
  };
  return {
    participant: { kind: 'sessionParticipant', id: 'p1', peers: [], peerEvents: [], peerStats: [peer], generations: [], absent: [] },
    issues: [issue],
    verdict: { level: 'poor', line: 'Poor.' },
    precallLimits: {} as PanelPayload['precallLimits'],
    fetchedAt: '2026-12-08T00:00:00Z',
    restore: {},
    attribution: names && { causedBy: [], affected: [], peerNames: names },
  };
}

describe('a stats panel naming the peers it received from, once an overview knows whose they are', () => {
  it('names each peer after its participant, with its connection when it had several', () => {
    assert.deepEqual(
      peerNamesOf([
        { name: 'Tomasz Kowalski', peerIds: [TOMASZ, TOMASZ_AGAIN] },
        { name: 'Priya Natarajan', peerIds: [PRIYA] },
      ]),
      { [TOMASZ]: 'Tomasz Kowalski, connection 1', [TOMASZ_AGAIN]: 'Tomasz Kowalski, connection 2', [PRIYA]: 'Priya Natarajan' },
    );
  });

  it('says the same name in the charts, the percentiles and the issues, and leaves a peer it does not know by its ID', () => {
    const named = withPeerNames(payload({ [TOMASZ]: 'Tomasz Kowalski', [PRIYA]: 'Priya Natarajan' }));
    const [peer] = named.participant.peerStats;
    const labels = peer.tracks.map((track) => trackLabel(track));
    assert.deepEqual(labels, [
      'audio received from Tomasz Kowalski',
      'audio received from Priya Natarajan',
      'audio received from f0fd0498',
    ]);
    assert.deepEqual([...new Set(peer.percentiles.map((row) => row.track))], labels, 'the percentiles name the tracks as the legends do');
    assert.equal(named.issues[0].title, 'Low MOS (audio received from Tomasz Kowalski)');
    assert.equal(named.issues[0].evidence, 'peer mine, audio received from Tomasz Kowalski: low 2.1');
  });

  it('changes nothing without names, and leaves alone a short ID two named peers share', () => {
    const plain = payload();
    assert.equal(withPeerNames(plain), plain);
    const twin = `${TOMASZ.slice(0, 8)}-2222-4000-8000-000000000009`;
    const namer = new PeerNamer({ [TOMASZ]: 'Tomasz Kowalski', [twin]: 'Someone Else', [PRIYA]: 'Priya Natarajan' });
    assert.equal(
      namer.text('audio received from 34dcacae, video received from ba78a9ed'),
      'audio received from 34dcacae, video received from Priya Natarajan',
    );
    assert.equal(namer.text('a name like from ba78a9edx is not an ID'), 'a name like from ba78a9edx is not an ID');
  });
  it('renames only a whole short ID, however short, and escapes what a regular expression would read', () => {
    const namer = new PeerNamer({ ab: 'Short Id', 'a.c+': 'Odd Id', [PRIYA]: 'Priya Natarajan' });
    assert.equal(namer.text('from ab, from ab-cd, from abc'), 'from Short Id, from ab-cd, from abc');
    assert.equal(namer.text('from a.c+ and from abc+'), 'from Odd Id and from abc+');
    assert.equal(namer.text('from ba78a9ed'), 'from Priya Natarajan');
  });

  it('writes a name with $ in it as it is', () => {
    assert.equal(new PeerNamer({ [PRIYA]: '$& $1 Pri$ya' }).text('audio received from ba78a9ed'), 'audio received from $& $1 Pri$ya');
  });
});

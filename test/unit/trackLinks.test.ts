/** Which producer and sending peer a track belongs to, for "who affected whom". */
import { strict as assert } from 'node:assert';
import { normalizeParticipant } from '../../src/api/normalize';

const row = (second: number, extra: Record<string, unknown>) => ({
  timestamp: new Date(Date.UTC(2026, 10, 20, 9, 0, second)).toISOString(),
  mos_quality: 4,
  ...extra,
});

describe('track links', () => {
  it('groups consumer rows by producer, or by sending peer when rows name no producer', () => {
    const quality = {
      audio_producer: [row(0, { producer_id: 'prod-self' })],
      audio_consumer: [
        row(0, { peer_id: 'peer-a', producer_id: 'prod-a1' }),
        row(1, { peer_id: 'peer-a', producer_id: 'prod-a2' }),
        row(2, { peer_id: 'peer-b' }),
        row(3, { peer_id: 'peer-a', producer_id: 'prod-a1' }),
        row(4, { peer_id: 'peer-b' }),
      ],
    };
    const [peer] = normalizeParticipant('peer', { participant: { peer_report: { metadata: {}, quality } } }).peerStats;
    const links = peer.tracks.map((track) => [track.direction, track.remotePeerId, track.producerId, track.columns.t.length]);
    assert.deepEqual(links, [
      ['producer', undefined, 'prod-self', 1],
      ['consumer', 'peer-a', 'prod-a1', 2],
      ['consumer', 'peer-a', 'prod-a2', 1],
      ['consumer', 'peer-b', undefined, 2],
    ]);
  });

  it('never takes a producer ID for the sending peer', () => {
    const quality = { video_consumer: [row(0, { producer_id: 'prod-x' }), row(1, { producer_id: 'prod-x' })] };
    const [track] = normalizeParticipant('peer', { participant: { peer_report: { metadata: {}, quality } } }).peerStats[0].tracks;
    assert.equal(track.remotePeerId, undefined);
    assert.equal(track.producerId, 'prod-x');
  });
});

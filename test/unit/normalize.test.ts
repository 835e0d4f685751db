import { strict as assert } from 'node:assert';
import { normalizeParticipant } from '../../src/api/normalize';

describe('normalizeParticipant', () => {
  it('reads a current-generation participant with peer events', () => {
    const model = normalizeParticipant('sessionParticipant', {
      participant: {
        id: 'p1',
        display_name: 'Ana',
        duration: '12.5',
        joined_at: '2026-11-20T09:00:00Z',
        left_at: 'null',
        peer_events: [
          { event_name: 'PEER_JOINING', peer_id: 'peer-a', created_at: '2026-11-20T09:00:02Z' },
          { event_name: 'PEER_CREATED', peer_id: 'peer-a', created_at: '2026-11-20T09:00:01Z' },
          { event_name: 'PEER_CREATED', peer_id: 'peer-b', created_at: '2026-11-20T09:05:00Z' },
        ],
      },
    });
    assert.equal(model.displayName, 'Ana');
    assert.equal(model.durationMinutes, 12.5);
    assert.equal(model.leftAt, undefined, '"null" strings are absent values');
    assert.deepEqual(
      model.peerEvents.map((event) => event.name),
      ['PEER_CREATED', 'PEER_JOINING', 'PEER_CREATED'],
    );
    assert.deepEqual(
      model.peers.map((peer) => peer.peerId),
      ['peer-a', 'peer-b'],
    );
    assert.deepEqual(model.generations, ['current']);
  });

  it('recognises the legacy shape and peers from quality_stats', () => {
    const model = normalizeParticipant('sessionParticipant', {
      participant: { id: 'p2', peer_stats: { device_info: {} }, quality_stats: [{ peer_id: 'x', start: '2026-11-20T09:00:00Z' }] },
    });
    assert.deepEqual(model.generations, ['legacy']);
    assert.deepEqual(
      model.peers.map((peer) => peer.peerId),
      ['x'],
    );
  });

  it('reads a meeting participant and never throws on junk', () => {
    assert.equal(normalizeParticipant('meetingParticipant', { id: 'm', name: 'Bo' }).displayName, 'Bo');
    for (const junk of [null, undefined, 42, 'text', [], { participant: 'x' }, { participant: { peer_events: 'no' } }]) {
      const model = normalizeParticipant('peer', junk);
      assert.deepEqual(model.peerEvents, []);
    }
  });
});

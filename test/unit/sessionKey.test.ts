import { strict as assert } from 'node:assert';
import { sessionKey, targetKey } from '../../src/inspection/inspectionTarget';

describe('the key of a session', () => {
  it('is the same from a scope or from a participant target of that session', () => {
    const scope = { accountId: '023e105f4ecef8ad9ca31a8372d0c353', appId: 'app' };
    const participant = { kind: 'sessionParticipant' as const, ...scope, sessionId: 's1', participantId: 'p1' };
    assert.equal(sessionKey(participant, 's1'), sessionKey(scope, 's1'));
    assert.equal(sessionKey(scope, 's1'), targetKey({ kind: 'session', ...scope, sessionId: 's1' }));
  });
});

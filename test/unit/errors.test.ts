import { strict as assert } from 'node:assert';
import { RealtimeKitApiError } from '../../src/api/errors';
import { apiErrorOf } from '../../src/api/http';

describe('API errors', () => {
  it('reads both error shapes', () => {
    assert.deepEqual(apiErrorOf({ success: false, error: { code: 404, message: 'Session not found' } }), {
      code: 404,
      message: 'Session not found',
    });
    assert.deepEqual(apiErrorOf({ success: false, errors: [{ code: 10000, message: 'Authentication error' }], messages: [] }), {
      code: 10000,
      message: 'Authentication error',
    });
    assert.deepEqual(apiErrorOf({ success: false }), { message: undefined });
  });

  it('names what failed and what to do next', () => {
    const notFound = new RealtimeKitApiError({
      kind: 'notFound',
      operation: 'Fetching the peer report',
      status: 404,
      ids: { peerId: 'abc' },
    });
    assert.match(notFound.message, /Fetching the peer report failed: not found \(HTTP 404\) for peer ID abc/);
    const forbidden = new RealtimeKitApiError({ kind: 'forbidden', operation: 'Listing sessions', status: 403 });
    assert.match(forbidden.message, /Realtime/);
    const noToken = new RealtimeKitApiError({ kind: 'noToken', operation: 'Listing sessions' });
    assert.match(noToken.message, /Set API Token/);
    assert.equal(new RealtimeKitApiError({ kind: 'timeout', operation: 'x' }).retryable, true);
    assert.equal(new RealtimeKitApiError({ kind: 'notFound', operation: 'x' }).retryable, false);
  });
});

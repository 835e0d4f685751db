import { strict as assert } from 'node:assert';
import { cleanId, validateId } from '../../src/api/ids';
import { fillPath, filtersParam, ENDPOINTS } from '../../src/api/endpoints';

describe('ID validation', () => {
  const uuid = '182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e';

  it('accepts UUIDs for sessions, peers, meetings and participants, pasted with spaces or quotes', () => {
    for (const kind of ['session', 'peer', 'meeting', 'participant'] as const) {
      assert.equal(validateId(kind, uuid), undefined);
      assert.equal(validateId(kind, `  "${uuid}"  `), undefined);
    }
    assert.equal(cleanId(` '${uuid}' `), uuid);
    assert.equal(cleanId('`abc`'), 'abc');
  });

  it('refuses a non-UUID where a UUID is required, saying what is expected', () => {
    assert.match(validateId('session', 'abc') ?? '', /UUID/);
    assert.match(validateId('peer', '') ?? '', /Enter the peer ID/);
  });

  it('wants 32 hex characters for an account ID', () => {
    assert.equal(validateId('account', '023e105f4ecef8ad9ca31a8372d0c353'), undefined);
    assert.match(validateId('account', '023e105f') ?? '', /32 hexadecimal/);
    assert.match(validateId('account', 'z23e105f4ecef8ad9ca31a8372d0c353') ?? '', /32 hexadecimal/);
  });

  it('names the wrong character of an account ID whose length is right', () => {
    assert.equal(
      validateId('account', '023e10gf4ecef8ad9ca31a8372d0c353'),
      "An account ID is 32 hexadecimal characters: 'g' at position 7 is not hexadecimal.",
    );
    assert.match(
      validateId('account', '023e105f4ecef8ad9ca\u200b31a8372d0c35') ?? '',
      /U\+200B at position 20 is not hexadecimal/,
      'an invisible character is named by code point',
    );
  });

  it('accepts UUID app IDs longer than the declared 32 characters but refuses path characters', () => {
    assert.equal(validateId('app', uuid), undefined);
    assert.equal(validateId('app', 'my-app'), undefined);
    for (const bad of ['a/b', 'a?b', 'a#b', 'a b', '.', '..']) assert.ok(validateId('app', bad), bad);
  });
});

describe('endpoint paths', () => {
  it('URL-encodes every segment so an ID cannot change the path', () => {
    const path = fillPath(ENDPOINTS.sessionParticipant, {
      account_id: 'acc',
      app_id: 'a/b?c#d',
      session_id: '../x',
      participant_id: 'p q',
    });
    assert.equal(path, '/accounts/acc/realtime/kit/a%2Fb%3Fc%23d/sessions/..%2Fx/participants/p%20q');
  });

  it('refuses dot segments, which URL parsers resolve even when encoded', () => {
    assert.throws(() => fillPath(ENDPOINTS.app, { account_id: 'acc', app_id: '..' }));
    assert.throws(() => fillPath(ENDPOINTS.app, { account_id: 'acc', app_id: '.' }));
  });

  it('joins filters with commas and no spaces, and sends none when none are chosen', () => {
    assert.equal(filtersParam(['device_info']), 'device_info');
    assert.equal(filtersParam(['device_info', 'quality_stats', 'device_info']), 'device_info,quality_stats');
    assert.equal(filtersParam([]), undefined);
    assert.equal(filtersParam(undefined), undefined);
  });

  it('refuses an over-long value before cleaning it (80,000 quotes blocked the host for seconds)', () => {
    const started = performance.now();
    const problem = validateId('peer', `x${'"'.repeat(80_000)}x`);
    assert.match(problem ?? '', /at most 256 characters/);
    assert.ok(performance.now() - started < 200);
  });
});

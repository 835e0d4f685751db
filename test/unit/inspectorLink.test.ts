import { strict as assert } from 'node:assert';
import { inspectorLink, parseInspectorLink } from '../../src/links/inspectorLink';

const session = '182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e';
const participant = '9f0c1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b';

describe('inspector links', () => {
  it('parses a participant link with scope and filters', () => {
    const parsed = parseInspectorLink(
      '/participant',
      `sessionId=${session}&participantId=${participant}&accountId=023e105f4ecef8ad9ca31a8372d0c353&appId=my-app&filters=device_info,events`,
    );
    assert.deepEqual(parsed, {
      command: 'realtimekit.showSessionParticipant',
      what: 'session participant',
      argument: {
        sessionId: session,
        participantId: participant,
        accountId: '023e105f4ecef8ad9ca31a8372d0c353',
        appId: 'my-app',
        filters: ['device_info', 'events'],
      },
    });
  });

  it('refuses unknown routes, missing or malformed IDs and unknown filters', () => {
    assert.ok('error' in parseInspectorLink('/delete', ''));
    assert.ok('error' in parseInspectorLink('/peer', ''));
    assert.ok('error' in parseInspectorLink('/peer', 'peerId=../../x'));
    assert.ok('error' in parseInspectorLink('/session', `sessionId=${session}&appId=a/b`));
    assert.ok('error' in parseInspectorLink('/peer', `peerId=${session}&filters=everything`));
  });

  it('round-trips through inspectorLink', () => {
    const link = inspectorLink('vscode', {
      command: 'realtimekit.showPeerReport',
      arguments: [{ peerId: session, accountId: '023e105f4ecef8ad9ca31a8372d0c353', appId: 'a', filters: ['events'] }],
    });
    assert.ok(link);
    const url = new URL(link!);
    assert.equal(url.host, 'rtk-tools.realtimekit-inspector');
    const parsed = parseInspectorLink(url.pathname, url.search.slice(1));
    assert.ok(!('error' in parsed));
    assert.equal((parsed as { command: string }).command, 'realtimekit.showPeerReport');
  });

  it('refuses an over-long link before any other parsing (80,000 quotes took seconds)', () => {
    const started = performance.now();
    const parsed = parseInspectorLink('/peer', `peerId=x${'"'.repeat(80_000)}x`);
    const elapsed = performance.now() - started;
    assert.ok('error' in parsed && /at most 2,048/.test(parsed.error), JSON.stringify(parsed).slice(0, 200));
    assert.ok(elapsed < 500, `refused in ${elapsed.toFixed(1)} ms (3.9 s before the length check)`);
  });

  it('opens a session overview link', () => {
    assert.deepEqual(parseInspectorLink('/session-overview', `sessionId=${session}`), {
      command: 'realtimekit.showSessionOverview',
      what: 'session overview',
      argument: { sessionId: session },
    });
  });
});

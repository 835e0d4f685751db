/** The error behaviour of interface.md: every failure resolves to undefined, bad IDs send nothing. */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { SAMPLE_TOKEN, sampleCatalog } from '../../sample-server';
import type { SampleControl } from '../fixtures/sampleControl';
import { extensionApi, setUpSampleServer } from './harness';

describe('RealtimeKit command errors', () => {
  const catalog = sampleCatalog();
  const participant = () => catalog.currentSession.participants[1];

  let control: SampleControl;

  before(async () => {
    control = await setUpSampleServer();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('realtimekit.setApiToken', SAMPLE_TOKEN);
  });

  it('resolves to undefined for an unknown participant (404)', async () => {
    const result = await vscode.commands.executeCommand('realtimekit.showSessionParticipant', {
      sessionId: catalog.currentSession.id,
      participantId: '00000000-0000-4000-8000-000000000000',
    });
    assert.equal(result, undefined);
  });

  it('opens the panel while the answer downloads, and closes it again when the fetch fails', async () => {
    const api = await extensionApi();
    const unknown = '00000000-0000-4000-8000-00000000beef';
    const before = api.panels.count;
    await control.injectFault({ match: `/participants/${unknown}`, status: 404, delayMs: 3_000, times: 1 });
    const pending = vscode.commands.executeCommand('realtimekit.showSessionParticipant', {
      sessionId: catalog.currentSession.id,
      participantId: unknown,
    });
    let openedEarly = false;
    for (const deadline = Date.now() + 2_500; !openedEarly && Date.now() < deadline; await new Promise((r) => setTimeout(r, 50)))
      openedEarly = api.panels.count === before + 1;
    assert.ok(openedEarly, 'the panel opened (saying "Loading…") before the answer came');
    assert.equal(await pending, undefined);
    assert.equal(api.panels.count, before, 'no panel stays behind for a participant that was not found');
  });

  it('stops the fetch when the user closes the panel that is loading it', async () => {
    const api = await extensionApi();
    const before = api.panels.count;
    await control.injectFault({ match: `/participants/${participant().id}`, delayMs: 20_000, times: 1 });
    const pending = vscode.commands.executeCommand('realtimekit.showSessionParticipant', {
      sessionId: catalog.currentSession.id,
      participantId: participant().id,
    });
    for (
      const deadline = Date.now() + 5_000;
      api.panels.count === before && Date.now() < deadline;
      await new Promise((r) => setTimeout(r, 50))
    );
    assert.equal(api.panels.count, before + 1, 'the panel opened before the answer came');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    const started = Date.now();
    assert.equal(await pending, undefined);
    assert.ok(Date.now() - started < 5_000, 'the command ended when its panel closed, not when the 20-second answer came');
    assert.equal(api.panels.count, before);
    await control.clearFaults();
  });

  it('refuses malformed and hostile IDs before any request', async () => {
    await control.clearRequests();
    for (const participantId of ['not-a-uuid', '../x', 'a/b?c#d']) {
      const result = await vscode.commands.executeCommand('realtimekit.showSessionParticipant', {
        sessionId: catalog.currentSession.id,
        participantId,
      });
      assert.equal(result, undefined, participantId);
    }
    const result = await vscode.commands.executeCommand('realtimekit.showPeerReport', {
      appId: '..',
      peerId: catalog.troubledParticipant.peerIds[0],
    });
    assert.equal(result, undefined);
    // (The token check after setApiToken lists apps; it is not part of this.)
    assert.deepEqual(
      (await control.requests()).filter((entry) => entry.path.includes('/sessions')),
      [],
      'no request reached the server',
    );
  });

  it('refuses an argument of the wrong type without rejecting', async () => {
    assert.equal(await vscode.commands.executeCommand('realtimekit.showSessionParticipant', 'just a string'), undefined);
    assert.equal(
      await vscode.commands.executeCommand('realtimekit.showSessionParticipant', { sessionId: catalog.currentSession.id }),
      undefined,
    );
    assert.equal(
      await vscode.commands.executeCommand('realtimekit.showSessionParticipant', {
        sessionId: catalog.currentSession.id,
        participantId: participant().id,
        filters: ['bogus'],
      }),
      undefined,
    );
  });

  it('retries a 500 and then shows the answer', async () => {
    await control.injectFault({ match: `/participants/${participant().id}`, status: 500, times: 1 });
    const data = (await vscode.commands.executeCommand('realtimekit.showSessionParticipant', {
      sessionId: catalog.currentSession.id,
      participantId: participant().id,
    })) as Record<string, unknown>;
    assert.ok(data, 'resolved to data after one retry');
  });

  it('resolves to undefined with an invalid token (401) and with no token', async () => {
    await vscode.commands.executeCommand('realtimekit.setApiToken', 'not-the-right-token');
    assert.equal(
      await vscode.commands.executeCommand('realtimekit.showSessionParticipant', {
        sessionId: catalog.currentSession.id,
        participantId: participant().id,
      }),
      undefined,
    );
    await vscode.commands.executeCommand('realtimekit.clearApiToken');
    await control.clearRequests();
    assert.equal(
      await vscode.commands.executeCommand('realtimekit.showSessionParticipant', {
        sessionId: catalog.currentSession.id,
        participantId: participant().id,
      }),
      undefined,
    );
    assert.deepEqual(
      (await control.requests()).filter((entry) => entry.path.includes('/sessions')),
      [],
      'no request without a token',
    );
  });
});

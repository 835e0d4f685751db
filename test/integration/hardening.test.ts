/** Where the token may go, a tree event named like an Object.prototype member, panels closed or failing while they load. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SAMPLE_ACCOUNT_ID, SAMPLE_APP_ID, SAMPLE_TOKEN, sampleCatalog } from '../../sample-server';
import { targetKey } from '../../src/inspection/inspectionTarget';
import type { SampleControl } from '../fixtures/sampleControl';
import { extensionApi, setUpSampleServer } from './harness';

describe('RealtimeKit hardening', () => {
  const catalog = sampleCatalog();
  let control: SampleControl;

  before(async () => {
    control = await setUpSampleServer();
  });

  it("ignores a workspace's .vscode/settings.json that points realtimekit.apiBaseUrl elsewhere", async function () {
    this.timeout(30_000);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(folder, 'the test host opens a workspace folder');
    const settingsFile = path.join(folder, '.vscode', 'settings.json');
    fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
    fs.writeFileSync(settingsFile, JSON.stringify({ 'realtimekit.apiBaseUrl': 'http://attacker.invalid:8080/client/v4' }));
    try {
      // Give the workbench time to read the file, as it would for a cloned repository.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const inspected = vscode.workspace.getConfiguration('realtimekit').inspect<string>('apiBaseUrl');
      assert.notEqual(
        vscode.workspace.getConfiguration('realtimekit').get('apiBaseUrl'),
        'http://attacker.invalid:8080/client/v4',
        JSON.stringify(inspected),
      );
      await control.clearRequests();
      const participant = catalog.currentSession.participants[2];
      const data = await vscode.commands.executeCommand('realtimekit.showSessionParticipant', {
        sessionId: catalog.currentSession.id,
        participantId: participant.id,
      });
      assert.ok(data, 'the request went to the configured (machine) server');
      assert.ok((await control.requests()).some((entry) => entry.path.includes(participant.id)));
    } finally {
      fs.rmSync(path.join(folder, '.vscode'), { recursive: true, force: true });
    }
  });

  it('gives a peer event named "constructor" the default icon instead of a function from the icon table', async () => {
    const { tree } = await extensionApi();
    const item = tree.getTreeItem({
      type: 'peerEvent',
      scope: { accountId: 'a', appId: 'b' },
      event: { name: 'constructor', peerId: 'p' },
    });
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'circle-small');
  });

  it('Refresh fetches again a collapsed looked-up participant and its open stats panel', async function () {
    this.timeout(60_000);
    const api = await extensionApi();
    const participant = catalog.currentSession.participants[5];
    const target = {
      kind: 'sessionParticipant' as const,
      accountId: SAMPLE_ACCOUNT_ID,
      appId: SAMPLE_APP_ID,
      sessionId: catalog.currentSession.id,
      participantId: participant.id,
    };
    await vscode.commands.executeCommand('realtimekit.showSessionParticipant', {
      sessionId: catalog.currentSession.id,
      participantId: participant.id,
    });
    const before = { tree: api.store.loadedTarget(targetKey(target))?.inspection?.fetchedAt, panel: api.panels.fetchedAt(target) };
    assert.ok(before.tree && before.panel, 'listed and shown');
    await new Promise((resolve) => setTimeout(resolve, 5));
    await control.clearRequests();
    assert.equal(await vscode.commands.executeCommand('realtimekit.refresh'), true);
    assert.ok(
      (await control.requests()).some((entry) => entry.path.includes(`/participants/${participant.id}`)),
      'fetched again',
    );
    // The same answers: the data stands, checked again now.
    const loaded = api.store.loadedTarget(targetKey(target))?.inspection;
    assert.ok((loaded?.checkedAt ?? '') > before.tree, 'the tree has the data checked now');
    assert.equal(api.panels.shown(target)?.checkedAt, loaded?.checkedAt, 'the open panel too');
  });

  it('an overview closed while its transcript, summary and chat links load leaves no error behind', async function () {
    this.timeout(60_000);
    const sessionId = catalog.currentSession.id;
    await control.clearRequests();
    await control.injectFault({ match: `/sessions/${sessionId}/transcript`, delayMs: 1_500, times: 1 });
    const shown = vscode.commands.executeCommand('realtimekit.showSessionOverview', { sessionId });
    for (let waited = 0; !(await control.requests()).some((entry) => entry.path.includes('/transcript')); waited += 50) {
      assert.ok(waited < 20_000, 'the overview asks for its links');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.equal(await shown, undefined, 'closed before it was on screen: nothing to resolve to');
    // The links' answers come after the panel is gone; posting them must not fail (index.ts fails the
    // run on an unhandled rejection).
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  });

  it('an overview whose session cannot be read closes its panel instead of saying "Loading…" for ever', async function () {
    this.timeout(60_000);
    const sessionId = '00000000-0000-4000-8000-00000000dead';
    await control.injectFault({ match: `/sessions/${sessionId}`, status: 404, times: 10 });
    const { sessionPanels } = await extensionApi();
    const before = sessionPanels.count;
    try {
      assert.equal(await vscode.commands.executeCommand('realtimekit.showSessionOverview', { sessionId }), undefined);
      assert.equal(sessionPanels.count, before, 'no panel left open');
    } finally {
      await control.clearFaults();
    }
  });

  it('stores and deletes the token even when realtimekit.apiBaseUrl is one the token must not go to', async function () {
    this.timeout(30_000);
    const config = vscode.workspace.getConfiguration('realtimekit');
    const before = config.inspect<string>('apiBaseUrl')?.globalValue;
    await config.update('apiBaseUrl', 'http://api.example.com/client/v4', vscode.ConfigurationTarget.Global);
    try {
      assert.equal(await vscode.commands.executeCommand('realtimekit.clearApiToken'), true);
      assert.equal(await vscode.commands.executeCommand('realtimekit.setApiToken', SAMPLE_TOKEN), true);
    } finally {
      await config.update('apiBaseUrl', before, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('realtimekit.setApiToken', SAMPLE_TOKEN);
    }
  });
});

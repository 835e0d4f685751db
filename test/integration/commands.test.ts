/** The commands of interface.md, called with argument objects, against the sample server. */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { SAMPLE_ACCOUNT_ID, SAMPLE_APP_ID, SAMPLE_TOKEN, sampleCatalog } from '../../sample-server';
import type { SampleControl } from '../fixtures/sampleControl';
import { EXTENSION_ID, extensionApi, setUpSampleServer } from './harness';

type Data = Record<string, unknown> & { participant?: Record<string, unknown> };

describe('RealtimeKit commands in a real VS Code', () => {
  const catalog = sampleCatalog();

  let control: SampleControl;

  before(async () => {
    control = await setUpSampleServer();
  });

  it('runs inside a real VS Code extension host with the extension active', async () => {
    console.log(`      vscode.version = ${vscode.version}, appHost = ${vscode.env.appHost}`);
    assert.match(vscode.version, /^\d+\.\d+\.\d+/);
    const api = await extensionApi();
    assert.ok(api.tree, 'activate() returns the tree provider');
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
  });

  it('registers every command of the public interface', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const id of [
      'realtimekit.setApiToken',
      'realtimekit.clearApiToken',
      'realtimekit.showSessionParticipant',
      'realtimekit.showPeerReport',
      'realtimekit.showMeetingParticipant',
      'realtimekit.openSession',
      'realtimekit.refresh',
    ]) {
      assert.ok(all.includes(id), `${id} is registered`);
    }
  });

  it('showSessionParticipant resolves to the data object and opens one stats panel, revealed when asked twice', async () => {
    const api = await extensionApi();
    const participant = catalog.currentSession.participants[0];
    const argument = { sessionId: catalog.currentSession.id, participantId: participant.id };
    const data = (await vscode.commands.executeCommand('realtimekit.showSessionParticipant', argument)) as Data;
    assert.ok(data, 'resolves to data');
    assert.equal(data.participant?.display_name, participant.displayName);
    const panelsAfterFirst = api.panels.count;
    assert.ok(panelsAfterFirst >= 1);
    await vscode.commands.executeCommand('realtimekit.showSessionParticipant', argument);
    assert.equal(api.panels.count, panelsAfterFirst, 'the same participant does not open a second panel');
    const item = api.store.targets().find((entry) => entry.kind === 'sessionParticipant' && entry.participantId === participant.id);
    assert.ok(item, 'the participant is listed in the tree');
    const children = await api.tree.getChildren({
      type: 'target',
      target: item!,
      key: `sessionParticipant:${item!.accountId}/${item!.appId}/${catalog.currentSession.id}/${participant.id}`,
    });
    assert.ok(children.length > 0 && children.every((child) => child.type === 'peerEvent'), 'its peer events stand under it');
  });

  it('sends filters comma-separated with no spaces, and none when none are chosen', async () => {
    const participant = catalog.legacySession.participants[0];
    await control.clearRequests();
    const filtered = (await vscode.commands.executeCommand('realtimekit.showSessionParticipant', {
      sessionId: catalog.legacySession.id,
      participantId: participant.id,
      filters: ['device_info', 'quality_stats'],
    })) as Data;
    assert.ok(filtered.participant, 'legacy data arrives');
    const full = (await vscode.commands.executeCommand('realtimekit.showSessionParticipant', {
      sessionId: catalog.legacySession.id,
      participantId: participant.id,
    })) as Data;
    assert.ok(full.participant?.peer_stats, 'legacy peer_stats present without filters');
    const paths = (await control.requests()).map((entry) => entry.path).filter((path) => path.includes(participant.id));
    assert.ok(
      paths.some((path) => path.includes('filters=device_info%2Cquality_stats') || path.includes('filters=device_info,quality_stats')),
      `filters sent joined: ${paths.join(' | ')}`,
    );
    assert.ok(
      paths.some((path) => !path.includes('filters=')),
      'no filters parameter when none chosen',
    );
    assert.ok(
      paths.every((path) => path.includes('include_peer_events=true')),
      'include_peer_events defaults to true',
    );
  });

  it('showPeerReport and showMeetingParticipant resolve to their data', async () => {
    const peerId = catalog.troubledParticipant.peerIds[0];
    const report = (await vscode.commands.executeCommand('realtimekit.showPeerReport', { peerId })) as Data;
    // The answer as the server sends it: large enough that the extension parses it a slice at a time.
    const baseUrl = vscode.workspace.getConfiguration('realtimekit').get<string>('apiBaseUrl');
    const answer = await fetch(
      `${baseUrl}/accounts/${SAMPLE_ACCOUNT_ID}/realtime/kit/${SAMPLE_APP_ID}/sessions/peer-report/${peerId}?include_peer_events=true`,
      { headers: { Authorization: `Bearer ${SAMPLE_TOKEN}` } },
    );
    const body = await answer.text();
    assert.ok(body.length > 256 * 1024, `a ${body.length}-character answer is parsed in slices`);
    assert.deepEqual(report, (JSON.parse(body) as { data: unknown }).data, 'the peer report resolves to its data');
    const meeting = (await vscode.commands.executeCommand('realtimekit.showMeetingParticipant', {
      meetingId: catalog.meeting.id,
      participantId: catalog.meeting.participantId,
    })) as Data;
    assert.equal(meeting.name, catalog.meeting.participantName);
  });

  it('openSession loads every page of a large session into the tree', async function () {
    this.timeout(120_000);
    const api = await extensionApi();
    const result = (await vscode.commands.executeCommand('realtimekit.openSession', { sessionId: catalog.largeSession.id })) as {
      participants: unknown[];
    };
    assert.equal(result.participants.length, catalog.largeSession.participantCount);
    const item = api.store.targets().find((entry) => entry.kind === 'session' && entry.sessionId === catalog.largeSession.id)!;
    const roots = await api.tree.getChildren();
    const node = roots.find((root) => root.type === 'target' && root.target === item)!;
    const children = await api.tree.getChildren(node);
    assert.equal(children.length, catalog.largeSession.participantCount);
  });
});

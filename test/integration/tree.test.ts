/** The explorer tree through its provider: browsing, load more, looked-up items, a 5,000-participant session. */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { sampleCatalog } from '../../sample-server';
import type { ExplorerNode } from '../../src/views/treeNodes';
import type { SampleControl } from '../fixtures/sampleControl';
import { extensionApi, setUpSampleServer } from './harness';

describe('RealtimeKit explorer tree', () => {
  const catalog = sampleCatalog();

  let control: SampleControl;

  before(async () => {
    control = await setUpSampleServer();
  });

  async function root(): Promise<ExplorerNode[]> {
    return (await extensionApi()).tree.getChildren();
  }

  it('offers Sessions and Meetings to browse when account and app are set', async () => {
    const nodes = await root();
    assert.deepEqual(
      nodes.slice(0, 2).map((node) => node.type),
      ['browse', 'browse'],
    );
  });

  it('lists recent sessions newest first with a Load more node, and loads more', async () => {
    const { tree } = await extensionApi();
    (await extensionApi()).store.clear();
    const browse = (await root())[0];
    const first = await tree.getChildren(browse);
    const sessions = first.filter((node) => node.type === 'session');
    assert.equal(sessions.length, 25);
    const loadMore = first.find((node) => node.type === 'loadMore');
    assert.ok(loadMore, 'a Load more node ends the first page');
    const started = sessions.map((node) =>
      node.type === 'session' ? Date.parse(String(node.session.started_at ?? node.session.created_at)) : 0,
    );
    assert.deepEqual(
      [...started].sort((a, b) => b - a),
      started,
      'newest first',
    );
    const label = tree.getTreeItem(sessions[0]);
    assert.match(String(label.description), /LIVE|ENDED/);
    await vscode.commands.executeCommand('realtimekit.tree.loadMore', loadMore);
    const second = await tree.getChildren(browse);
    assert.ok(second.filter((node) => node.type === 'session').length > 25);
  });

  it('expands a browsed session to its participants sorted by join time, and a participant to its peer events', async () => {
    const { tree } = await extensionApi();
    const sessions = (await tree.getChildren((await root())[0])).filter((node) => node.type === 'session');
    const current = sessions.find((node) => node.type === 'session' && node.session.id === catalog.currentSession.id);
    assert.ok(current, 'the current sample session is listed');
    const participants = await tree.getChildren(current);
    assert.equal(participants.length, catalog.currentSession.participants.length);
    const joined = participants.map((node) => (node.type === 'sessionParticipant' ? Date.parse(String(node.participant.joined_at)) : 0));
    assert.deepEqual(
      [...joined].sort((a, b) => a - b),
      joined,
    );
    const events = await tree.getChildren(participants[0]);
    assert.ok(events.length >= 3 && events.every((node) => node.type === 'peerEvent'));
    const item = tree.getTreeItem(events[0]);
    assert.match(String(item.label), /^PEER_(CREATED|JOINING|LEAVING)$/);
    assert.ok(item.description, 'with its time');
  });

  it('browses meetings to their participants', async () => {
    const { tree } = await extensionApi();
    const meetings = (await tree.getChildren((await root())[1])).filter((node) => node.type === 'meeting');
    const meeting = meetings.find((node) => node.type === 'meeting' && node.meeting.id === catalog.meeting.id);
    assert.ok(meeting);
    const people = await tree.getChildren(meeting);
    assert.ok(people.some((node) => node.type === 'meetingParticipant' && node.participant.id === catalog.meeting.participantId));
  });

  it('opens what a chosen item shows, resolving to nothing: the workbench asks, and an answer sent back would cost the host', async () => {
    const api = await extensionApi();
    const session = (await api.tree.getChildren((await root())[0])).find(
      (node) => node.type === 'session' && node.session.id === catalog.currentSession.id,
    )!;
    // A participant whose panel, and its first peer's, no earlier test opened: each choice opens one.
    let chosen: { participant: ExplorerNode; event: ExplorerNode & { type: 'peerEvent' } } | undefined;
    for (const participant of await api.tree.getChildren(session)) {
      if (participant.type !== 'sessionParticipant' || chosen) continue;
      const event = (await api.tree.getChildren(participant)).find((node) => node.type === 'peerEvent' && node.event.peerId);
      if (event?.type !== 'peerEvent') continue;
      const participantId = String(participant.participant.id);
      const opened =
        api.panels.fetchedAt({ kind: 'sessionParticipant', ...participant.scope, sessionId: participant.sessionId, participantId }) ??
        api.panels.fetchedAt({ kind: 'peer', ...event.scope, peerId: event.event.peerId! });
      if (!opened) chosen = { participant, event };
    }
    assert.ok(chosen, 'a participant with no panel open');
    const { participant, event } = chosen;
    for (const node of [event, participant]) {
      const command = api.tree.getTreeItem(node).command!;
      assert.equal(command.command, 'realtimekit.tree.choose');
      const before = api.panels.count;
      // As the workbench runs it when the item is chosen.
      assert.equal(await vscode.commands.executeCommand(command.command, ...command.arguments!), undefined);
      assert.equal(api.panels.count, before + 1, `its stats panel opened (${node.type})`);
    }
    assert.ok(api.panels.fetchedAt({ kind: 'peer', ...event.scope, peerId: event.event.peerId! }), 'the peer event opened its peer report');
    const opened = api.panels.count;
    for (const call of [{ command: 'workbench.action.closeAllEditors', arguments: [] }, { command: 'realtimekit.tree.choose' }, 'x']) {
      assert.equal(await vscode.commands.executeCommand('realtimekit.tree.choose', call), undefined);
    }
    assert.equal(api.panels.count, opened, 'a call that is not one of its own commands runs nothing');
  });

  it('shows the last data of a looked-up participant, marked stale, when fetching it again fails', async () => {
    const { tree } = await extensionApi();
    const participant = catalog.currentSession.participants[4];
    await vscode.commands.executeCommand('realtimekit.showSessionParticipant', {
      sessionId: catalog.currentSession.id,
      participantId: participant.id,
    });
    // Every attempt (first try and both retries, of the tree's and the panel's fetch) fails as if the network were down.
    await control.injectFault({ match: `/participants/${participant.id}`, status: 503, times: 6 });
    await vscode.commands.executeCommand('realtimekit.refresh');
    await control.clearFaults();
    const node = (await root()).find(
      (candidate) =>
        candidate.type === 'target' && candidate.target.kind === 'sessionParticipant' && candidate.target.participantId === participant.id,
    )!;
    const events = await tree.getChildren(node);
    assert.ok(events.length > 0 && events.every((child) => child.type === 'peerEvent'), 'peer events from the last data');
    assert.match(String(tree.getTreeItem(node).description), /stale/);
  });

  it('removes a looked-up item', async () => {
    const participant = catalog.currentSession.participants[3];
    await vscode.commands.executeCommand('realtimekit.showSessionParticipant', {
      sessionId: catalog.currentSession.id,
      participantId: participant.id,
    });
    const node = (await root()).find(
      (candidate) =>
        candidate.type === 'target' && candidate.target.kind === 'sessionParticipant' && candidate.target.participantId === participant.id,
    );
    assert.ok(node);
    await vscode.commands.executeCommand('realtimekit.tree.remove', node);
    assert.ok(
      !(await extensionApi()).store.targets().some((item) => item.kind === 'sessionParticipant' && item.participantId === participant.id),
    );
  });

  it('expands a 5,000-participant session into 5,000 items (time printed; see npm run bench)', async function () {
    this.timeout(120_000);
    const { tree } = await extensionApi();
    await vscode.commands.executeCommand('realtimekit.openSession', { sessionId: catalog.hugeSession.id });
    const node = (await root()).find(
      (candidate) =>
        candidate.type === 'target' && candidate.target.kind === 'session' && candidate.target.sessionId === catalog.hugeSession.id,
    )!;
    const started = performance.now();
    const children = await tree.getChildren(node);
    const items = children.map((child) => tree.getTreeItem(child));
    const elapsed = performance.now() - started;
    console.log(`      5,000 participants: children and tree items built in ${elapsed.toFixed(1)} ms`);
    assert.equal(items.length, 5_000);
  });
});

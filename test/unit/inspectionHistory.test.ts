import { strict as assert } from 'node:assert';
import type * as vscode from 'vscode';
import { InspectionHistory, MAX_STORED_PEER_EVENTS, MAX_TARGETS, readSummary, treeSummaryOf } from '../../src/store/inspectionHistory';
import type { InspectedParticipant } from '../../src/shared/model';

/** globalState as VS Code keeps it: values go through JSON. */
class FakeMemento implements vscode.Memento {
  readonly values = new Map<string, string>();
  keys(): readonly string[] {
    return [...this.values.keys()];
  }
  get<T>(key: string, defaultValue?: T): T {
    const value = this.values.get(key);
    return value === undefined ? (defaultValue as T) : (JSON.parse(value) as T);
  }
  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, JSON.stringify(value));
  }
  size(): number {
    let total = 0;
    for (const value of this.values.values()) total += value.length;
    return total;
  }
}

const scope = { accountId: '023e105f4ecef8ad9ca31a8372d0c353', appId: 'app' };

function participantWithEvents(count: number): InspectedParticipant {
  return {
    kind: 'sessionParticipant',
    displayName: 'Sam',
    peers: [{ peerId: 'p1' }],
    peerEvents: Array.from({ length: count }, (_, index) => ({
      name: 'PEER_JOINING',
      at: new Date(index * 1000).toISOString(),
      peerId: `peer-${index}`,
    })),
    peerStats: [],
    generations: ['current'],
    absent: [],
  };
}

describe('the explorer history in globalState', () => {
  it('stays small with 100 targets of 5,000 peer events each (it was 122 MB)', async () => {
    const memento = new FakeMemento();
    const history = new InspectionHistory(memento);
    const targets = Array.from({ length: MAX_TARGETS }, (_, index) => ({ kind: 'peer' as const, ...scope, peerId: `peer-${index}` }));
    await history.saveTargets(targets);
    const keep = new Set(targets.map((target) => `peer:${scope.accountId}/${scope.appId}/${target.peerId}`));
    const summary = treeSummaryOf(participantWithEvents(5_000));
    for (const key of keep) await history.saveSummary(key, summary);
    assert.ok(memento.size() < 5_000_000, `stored ${memento.size().toLocaleString()} characters`);
    assert.equal(history.summary([...keep][0])?.peerEvents.length, MAX_STORED_PEER_EVENTS);
    await history.saveTargets(targets.slice(0, 1));
    assert.equal(
      memento.keys().filter((key) => key.startsWith('realtimekit.lastData/')).length,
      1,
      'summaries of removed targets are dropped',
    );
  });

  it('caps the targets and drops stored entries of the wrong shape', async () => {
    const memento = new FakeMemento();
    await memento.update('realtimekit.lookedUp', [
      { kind: 'peer', ...scope, peerId: 'ok' },
      { kind: 'peer', accountId: 1, appId: 'x', peerId: 'bad' },
      'junk',
      null,
      ...Array.from({ length: 150 }, (_, index) => ({ kind: 'peer', ...scope, peerId: `p${index}` })),
    ]);
    const history = new InspectionHistory(memento);
    const targets = history.targets();
    assert.equal(targets.length, MAX_TARGETS);
    assert.equal(targets[0].kind === 'peer' && targets[0].peerId, 'ok');
  });

  it('reads back a summary without peers or with junk fields without throwing', () => {
    assert.deepEqual(readSummary({ displayName: 'Ann' }), {
      displayName: 'Ann',
      presetName: undefined,
      durationMinutes: undefined,
      peerCount: 0,
      joinedAt: undefined,
      leftAt: undefined,
      peerEvents: [],
    });
    const junk = readSummary({ displayName: 42, peerCount: 'many', peerEvents: [null, 'x', { name: 'PEER_LEAVING', peerId: 7 }] });
    assert.deepEqual(junk?.peerEvents, [{ name: 'PEER_LEAVING', id: undefined, at: undefined, peerId: undefined, viewType: undefined }]);
    assert.equal(junk?.displayName, undefined);
    assert.equal(readSummary('x'), undefined);
    assert.equal(readSummary([]), undefined);
  });
});

/** realtimekit.compareParticipants: the resolved value, refusals before any request, both generations. */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { ATTRIBUTION_PARTICIPANTS, ATTRIBUTION_SESSION_IDS, STORY_PARTICIPANTS, STORY_SESSION_IDS } from '../../sample-server';
import type { SampleControl } from '../fixtures/sampleControl';
import { setUpSampleServer } from './harness';

interface CompareResult {
  sessionId: string;
  participants: Array<{ participantId: string; displayName?: string; verdict: string }>;
}

describe('RealtimeKit compare participants', () => {
  let control: SampleControl;

  before(async () => {
    control = await setUpSampleServer();
  });

  it('resolves to the compared participants with their verdicts once the charts are drawn (current generation)', async function () {
    this.timeout(120_000);
    const people = ATTRIBUTION_PARTICIPANTS.current;
    const ids = [people.sam.id, people.nina.id, people.chloe.id];
    const result = (await vscode.commands.executeCommand('realtimekit.compareParticipants', {
      sessionId: ATTRIBUTION_SESSION_IDS.current,
      participantIds: ids,
    })) as CompareResult;
    assert.ok(result, 'resolves to a value');
    assert.equal(result.sessionId, ATTRIBUTION_SESSION_IDS.current);
    assert.deepEqual(
      result.participants.map((participant) => participant.participantId),
      ids,
    );
    assert.deepEqual(
      result.participants.map((participant) => participant.displayName),
      ['Sam Rivera', 'Nina Park', 'Chloe Dubois'],
    );
    for (const participant of result.participants) assert.ok(['poor', 'degraded', 'unknown', 'good'].includes(participant.verdict));
  });

  it('compares the older generation too, and keeps a participant whose statistics fail', async function () {
    this.timeout(120_000);
    const people = STORY_PARTICIPANTS.legacy;
    const result = (await vscode.commands.executeCommand('realtimekit.compareParticipants', {
      sessionId: STORY_SESSION_IDS.legacy,
      participantIds: [people.tomasz.id, people.jordan.id],
    })) as CompareResult;
    assert.equal(result.participants.length, 2);
    assert.equal(result.participants[1].verdict, 'unknown', 'Jordan, whose statistics fail, is still compared');
  });

  it('refuses fewer than 2 or more than 8 participants before any request', async () => {
    await control.clearRequests();
    const people = Object.values(STORY_PARTICIPANTS.current).map((person) => person.id);
    assert.equal(
      await vscode.commands.executeCommand('realtimekit.compareParticipants', {
        sessionId: STORY_SESSION_IDS.current,
        participantIds: people.slice(0, 1),
      }),
      undefined,
    );
    assert.equal(
      await vscode.commands.executeCommand('realtimekit.compareParticipants', {
        sessionId: STORY_SESSION_IDS.current,
        participantIds: people.slice(0, 9),
      }),
      undefined,
    );
    assert.equal(
      await vscode.commands.executeCommand('realtimekit.compareParticipants', {
        sessionId: STORY_SESSION_IDS.current,
        participantIds: ['x', 'y'],
      }),
      undefined,
    );
    assert.equal((await control.requests()).length, 0);
  });
});

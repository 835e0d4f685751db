import { strict as assert } from 'node:assert';
import { RealtimeKitApiError } from '../../src/api/errors';
import type { Inspection } from '../../src/inspection/inspection';
import type { ParticipantTarget } from '../../src/inspection/inspectionTarget';
import { inspectionRequestKey, sharedInspections } from '../../src/inspection/sharedInspections';

const participant: ParticipantTarget = { kind: 'sessionParticipant', accountId: 'a', appId: 'b', sessionId: 's', participantId: 'p' };

function inspection(): Inspection {
  return {
    raw: {},
    fetchedAt: new Date().toISOString(),
    participant: { kind: 'sessionParticipant', peers: [], peerEvents: [], peerStats: [], generations: [], absent: [] },
  };
}

/** A fetch the test settles by hand, recording each start and its signal. */
function controlled() {
  const started: Array<{ target: ParticipantTarget; signal: AbortSignal; settle: (value: Inspection | Error) => void }> = [];
  const inspect = (target: ParticipantTarget, signal: AbortSignal) =>
    new Promise<Inspection>((resolve, reject) => {
      started.push({ target, signal, settle: (value) => (value instanceof Error ? reject(value) : resolve(value)) });
    });
  return { started, inspect: sharedInspections(inspect) };
}

const isCancelled = (error: unknown) => error instanceof RealtimeKitApiError && error.kind === 'cancelled';

describe('sharedInspections (one fetch of a target for the panel and the tree during a Refresh)', () => {
  it('keys a target by what is asked for, not by its label', () => {
    assert.equal(inspectionRequestKey({ ...participant, label: 'Ana' }), inspectionRequestKey({ ...participant, includePeerEvents: true }));
    assert.notEqual(inspectionRequestKey(participant), inspectionRequestKey({ ...participant, includePeerEvents: false }));
    assert.equal(
      inspectionRequestKey({ ...participant, filters: ['events', 'device_info'] }),
      inspectionRequestKey({ ...participant, filters: ['device_info', 'events'] }),
    );
    assert.notEqual(inspectionRequestKey(participant), inspectionRequestKey({ ...participant, filters: ['events'] }));
  });

  it('fetches a target once for every caller, even one that asks after it arrived', async () => {
    const { started, inspect } = controlled();
    const panel = inspect({ ...participant, label: 'Ana' }, new AbortController().signal);
    const tree = inspect({ ...participant, includePeerEvents: true }, new AbortController().signal);
    assert.equal(started.length, 1);
    const value = inspection();
    started[0].settle(value);
    assert.equal(await panel, value);
    assert.equal(await tree, value);
    assert.equal(await inspect(participant, new AbortController().signal), value);
    assert.equal(started.length, 1);
    inspect({ ...participant, includePeerEvents: false }, new AbortController().signal).catch(() => undefined);
    assert.equal(started.length, 2, 'another request is another fetch');
  });

  it('lets one caller cancel while another still waits, and aborts the fetch once every caller cancelled', async () => {
    const { started, inspect } = controlled();
    const first = new AbortController();
    const second = new AbortController();
    const a = inspect(participant, first.signal);
    const b = inspect(participant, second.signal);
    first.abort();
    await assert.rejects(a, isCancelled);
    assert.equal(started[0].signal.aborted, false, 'the other caller still waits');
    second.abort();
    await assert.rejects(b, isCancelled);
    assert.equal(started[0].signal.aborted, true);
    inspect(participant, new AbortController().signal).catch(() => undefined);
    assert.equal(started.length, 2, 'a fetch everyone left is started again for the next caller');
  });

  it('tells every caller of a failure, and fetches again for whoever asks after it', async () => {
    const { started, inspect } = controlled();
    const a = inspect(participant, new AbortController().signal);
    const b = inspect(participant, new AbortController().signal);
    started[0].settle(new Error('offline'));
    await assert.rejects(a, /offline/);
    await assert.rejects(b, /offline/);
    inspect(participant, new AbortController().signal).catch(() => undefined);
    assert.equal(started.length, 2);
  });

  it('refuses at once a caller whose signal already aborted', async () => {
    const { started, inspect } = controlled();
    const aborted = new AbortController();
    aborted.abort();
    await assert.rejects(inspect(participant, aborted.signal), isCancelled);
    assert.equal(started.length, 0);
  });
});

import { strict as assert } from 'node:assert';
import { packComparePayload } from '../../src/shared/packColumns';
import type { ComparePayload } from '../../src/shared/compare';
import type { WireTrack } from '../../src/shared/wire';
import { comparedParticipant } from '../fixtures/comparedParticipant';
import { wireColumns } from '../fixtures/sampleColumns';

const t0 = Date.parse('2026-11-20T09:00:00Z');

function track(samples: number, mos: number): WireTrack {
  return {
    kind: 'audio',
    direction: 'producer',
    columns: wireColumns(
      Array.from({ length: samples }, (_, i) => ({ t: t0 + i * 1000, mos: mos - i / 100, lossPct: i % 2 ? i : undefined })),
    ),
    summary: {},
  };
}

const participant = (participantId: string, tracks: WireTrack[]) => comparedParticipant(participantId, { tracks });

/** Every typed array in the message, as VS Code's webview serialiser collects them. */
function typedArrays(value: unknown, found: ArrayBufferView[] = []): ArrayBufferView[] {
  if (ArrayBuffer.isView(value)) found.push(value);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) typedArrays(item, found);
  return found;
}

describe('packComparePayload (one buffer for the columns a compare panel is sent)', () => {
  // Three participants of 26 tracks: 702 columns, far past the 253 buffers a webview message carries.
  const payload: ComparePayload = {
    sessionId: 's1',
    participants: [
      participant(
        'a',
        Array.from({ length: 26 }, (_, i) => track(40 + i, 4.4)),
      ),
      participant(
        'b',
        Array.from({ length: 26 }, (_, i) => track(10 + i, 3.1)),
      ),
      participant('c', []),
      participant(
        'd',
        Array.from({ length: 26 }, (_, i) => track(1 + i, 2.0)),
      ),
    ],
    notices: [],
    restore: { accountId: 'acc', appId: 'app', sessionId: 's1', participantIds: ['a', 'b', 'c', 'd'] },
  };

  it('puts every column of every participant in one ArrayBuffer', () => {
    const before = new Set(typedArrays(payload).map((view) => view.buffer));
    // t and mos on every track, lossPct on the 77 with an odd-numbered sample.
    assert.equal(before.size, 26 * 3 * 2 + 77, 'a buffer per column before');
    const packed = packComparePayload(payload);
    assert.equal(new Set(typedArrays(packed).map((view) => view.buffer)).size, 1);
  });

  it('keeps each column, NaN gaps included, with its participant and track', () => {
    const packed = packComparePayload(payload);
    assert.deepEqual(
      packed.participants.map((p) => [p.participantId, p.tracks.length]),
      payload.participants.map((p) => [p.participantId, p.tracks.length]),
    );
    payload.participants.forEach((original, p) =>
      original.tracks.forEach((originalTrack, t) => {
        const columns = packed.participants[p].tracks[t].columns;
        assert.deepEqual(Object.keys(columns), Object.keys(originalTrack.columns));
        for (const [key, column] of Object.entries(originalTrack.columns)) {
          const copy = columns[key as keyof typeof columns];
          assert.equal(copy?.constructor, column.constructor, `${original.participantId}/${t}/${key} keeps its type`);
          assert.equal(copy!.byteOffset % 8, 0, `${original.participantId}/${t}/${key} starts on an 8-byte boundary`);
          assert.deepEqual(Array.from(copy!), Array.from(column), `${original.participantId}/${t}/${key}`);
        }
      }),
    );
    assert.ok(Number.isNaN(packed.participants[0].tracks[0].columns.lossPct![0]), 'a missing value stays NaN');
    assert.equal(packed.participants[0].tracks[0].kind, 'audio');
    assert.equal(packed.sessionId, 's1');
  });

  it('leaves the payload it was given as it was', () => {
    const first = payload.participants[0].tracks[0].columns.t;
    const packed = packComparePayload(payload);
    assert.notEqual(packed.participants[0].tracks[0].columns.t, first);
    assert.equal(payload.participants[0].tracks[0].columns.t, first);
    assert.equal(first.buffer.byteLength, first.byteLength, 'still its own buffer');
  });
});

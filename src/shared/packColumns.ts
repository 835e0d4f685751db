/**
 * The quality columns of a webview message in one ArrayBuffer. VS Code hands each ArrayBuffer of a
 * `postMessage` to its RPC layer as an argument of its own and writes the argument count in one byte
 * (seen in VS Code 1.100, code-server 4.100): past 253 buffers the count wraps and the webview gets the
 * rest as empty arrays, so charts lose their lines without an error. A track has up to eight columns: three
 * participants of 26 tracks each are hundreds of buffers. Views into one buffer cross as that one, with their
 * offsets. Pure.
 */
import type { ComparePayload } from './compare';
import type { TrackColumns, WireParticipant } from './wire';

/** Copies of `tracks` whose columns are views into one new buffer; the given tracks are left as they are. */
export function packColumns<T extends { columns: TrackColumns }>(tracks: readonly T[]): T[] {
  // Every column starts on an 8-byte boundary, as a Float64Array view must (Float32 columns may be odd).
  const aligned = (bytes: number) => Math.ceil(bytes / 8) * 8;
  let total = 0;
  for (const track of tracks) for (const column of Object.values(track.columns)) total += aligned(column.byteLength);
  const buffer = new ArrayBuffer(total);
  let offset = 0;
  return tracks.map((track) => {
    const columns = {} as Record<string, Float32Array | Float64Array>;
    for (const [key, column] of Object.entries(track.columns) as [string, Float32Array | Float64Array][]) {
      const copy =
        column instanceof Float64Array ? new Float64Array(buffer, offset, column.length) : new Float32Array(buffer, offset, column.length);
      copy.set(column);
      columns[key] = copy;
      offset += aligned(column.byteLength);
    }
    return { ...track, columns: columns as TrackColumns };
  });
}

/** The groups with every group's tracks packed together into one buffer, handed back per group. */
function packGroups<G, T extends { columns: TrackColumns }>(
  groups: readonly G[],
  tracksOf: (group: G) => readonly T[],
  withTracks: (group: G, tracks: T[]) => G,
): G[] {
  const packed = packColumns(groups.flatMap(tracksOf));
  let next = 0;
  return groups.map((group) => {
    const count = tracksOf(group).length;
    next += count;
    return withTracks(group, packed.slice(next - count, next));
  });
}

/** The payload with every participant's columns in one buffer. */
export function packComparePayload(payload: ComparePayload): ComparePayload {
  const participants = packGroups(
    payload.participants,
    (participant) => participant.tracks,
    (participant, tracks) => ({ ...participant, tracks }),
  );
  return { ...payload, participants };
}

/**
 * The participant with each peer's columns in a buffer of its own: a first paint sends the shown peer's
 * alone (a message carries the whole buffer of every view in it).
 */
export function packEachPeer(participant: WireParticipant): WireParticipant {
  return { ...participant, peerStats: participant.peerStats.map((peer) => ({ ...peer, tracks: packColumns(peer.tracks) })) };
}

/** The participant with every track's columns in one buffer (the stats panel's payload). */
export function packParticipant(participant: WireParticipant): WireParticipant {
  const peerStats = packGroups(
    participant.peerStats,
    (peer) => peer.tracks,
    (peer, tracks) => ({ ...peer, tracks }),
  );
  return { ...participant, peerStats };
}

/**
 * What a stats panel shows of a peer whose tracks follow. A first paint carries the columns of the peer
 * the host believed shown, and the others come with the 'columns' message after it; a peer switched to
 * while a Refresh was read would say it is loading, and lose its zoom, for that moment. Until they come,
 * such a peer keeps the tracks it had (by peer ID), as a chart keeps its data until new data comes.
 * Pure: no DOM.
 */
import type { PanelPayload } from '../shared/messages';

export function withTracksKept(next: PanelPayload, previous: PanelPayload): PanelPayload {
  const had = new Map(
    previous.participant.peerStats.filter((peer) => !peer.tracksFollow && peer.peerId !== undefined).map((peer) => [peer.peerId, peer]),
  );
  let kept = false;
  const peerStats = next.participant.peerStats.map((peer) => {
    const before = peer.tracksFollow ? had.get(peer.peerId) : undefined;
    if (!before) return peer;
    kept = true;
    const { tracksFollow: _follows, ...rest } = peer;
    return { ...rest, tracks: before.tracks, percentiles: before.percentiles };
  });
  return kept ? { ...next, participant: { ...next.participant, peerStats } } : next;
}

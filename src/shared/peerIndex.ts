/**
 * Where a peer shown before is in new data: found by its ID, since a Refresh that could not read one
 * peer's report leaves it out and moves the later peers up; by its old place when it is gone.
 */
export function peerIndexOf(peers: ReadonlyArray<{ peerId?: string }>, peerId: string | undefined, fallback: number): number {
  const found = peerId === undefined ? -1 : peers.findIndex((peer) => peer.peerId === peerId);
  return found >= 0 ? found : Math.min(Math.max(0, fallback), Math.max(0, peers.length - 1));
}

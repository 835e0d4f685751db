/**
 * Other participants' peers named in a stats panel's labels and texts. A received track is labelled by
 * the sender's peer ("audio received from 34dcacae", the ID's first 8 characters); once an overview of
 * the session knows whose peer that is, the panel says "audio received from Tomasz Kowalski" in its
 * charts, its percentiles and its issues alike. Pure: no vscode, no DOM.
 */
import type { PanelPayload } from './messages';
import type { PercentileRow } from './metrics';
import type { DetectedIssue, QualityTrack } from './model';
import type { WirePeerStats } from './wire';

/** How a track label shortens a peer ID (trackLabel). */
export const SHORT_PEER_ID = 8;

/** A session's participants and their peers, in the order they joined. */
export interface PeerOwner {
  name: string;
  peerIds: readonly string[];
}

/**
 * Each peer's name, by its full ID: the participant's name, with its connection's number when it had
 * several ("Tomasz Kowalski, connection 2").
 */
export function peerNamesOf(owners: readonly PeerOwner[]): Record<string, string> {
  const names: Record<string, string> = {};
  for (const owner of owners)
    owner.peerIds.forEach((peerId, index) => {
      names[peerId] = owner.peerIds.length > 1 ? `${owner.name}, connection ${index + 1}` : owner.name;
    });
  return names;
}

/** Renames "from <short ID>" in labels and texts; a short ID two named peers share is left as it is. */
export class PeerNamer {
  private readonly byShortId = new Map<string, string | undefined>();
  private readonly pattern: RegExp | undefined;

  constructor(names: Readonly<Record<string, string>>) {
    for (const [peerId, name] of Object.entries(names)) {
      const short = peerId.slice(0, SHORT_PEER_ID);
      this.byShortId.set(short, this.byShortId.has(short) ? undefined : name);
    }
    // Longest first, and not followed by what an ID may go on with: "from ab" is not in "from ab-cd".
    const shorts = [...this.byShortId.keys()]
      .sort((a, b) => b.length - a.length)
      .map((short) => short.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    this.pattern = shorts.length ? new RegExp(`\\bfrom (${shorts.join('|')})(?![\\w-])`, 'g') : undefined;
  }

  text(text: string): string {
    if (!this.pattern) return text;
    return text.replace(this.pattern, (whole, short: string) => {
      const name = this.byShortId.get(short);
      return name === undefined ? whole : `from ${name}`;
    });
  }

  /** The sender's name for a track's remote peer, if known. */
  nameOf(peerId: string | undefined): string | undefined {
    return peerId === undefined ? undefined : this.byShortId.get(peerId.slice(0, SHORT_PEER_ID));
  }

  issues(issues: readonly DetectedIssue[]): DetectedIssue[] {
    return issues.map((issue) => ({ ...issue, title: this.text(issue.title), evidence: this.text(issue.evidence) }));
  }

  /** The track with its sender named, when known. */
  track<Track extends Pick<QualityTrack, 'remotePeerId' | 'remoteName'>>(track: Track): Track {
    const remoteName = this.nameOf(track.remotePeerId);
    return remoteName === undefined ? track : { ...track, remoteName };
  }

  /** The peers with each received track's sender named, and their percentile rows relabelled to match. */
  peers(peerStats: readonly WirePeerStats[]): WirePeerStats[] {
    return peerStats.map((peer) => ({
      ...peer,
      tracks: peer.tracks.map((track) => this.track(track)),
      percentiles: peer.percentiles.map((row): PercentileRow => ({ ...row, track: this.text(row.track) })),
    }));
  }
}

/** The namer of the peers an overview named for this payload, if it named any. */
export function peerNamerOf(payload: Pick<PanelPayload, 'attribution'>): PeerNamer | undefined {
  const names = payload.attribution?.peerNames;
  return names && Object.keys(names).length > 0 ? new PeerNamer(names) : undefined;
}

/** The payload with the named peers' names in its track labels, percentiles and issues. */
export function withPeerNames(payload: PanelPayload): PanelPayload {
  const namer = peerNamerOf(payload);
  if (!namer) return payload;
  return {
    ...payload,
    issues: namer.issues(payload.issues),
    participant: { ...payload.participant, peerStats: namer.peers(payload.participant.peerStats) },
  };
}

/**
 * A receiver's charts draw a line per track received, two per sender: a 12-person call is 22 lines or
 * more. Narrowing them to one sender's keeps what the participant sent and what that sender's tracks
 * brought (lines and percentiles), and shades that sender's stretches of the issues with what was
 * received. Pure: no DOM.
 */
import { SHORT_PEER_ID } from '../../shared/peerNames';
import { trackLabel, type PercentileRow } from '../../shared/metrics';
import { issueWindowsOf, type DetectedIssue } from '../../shared/model';
import type { WireTrack } from '../../shared/wire';
import type { ChartModel } from './chartData';

export interface Sender {
  /** The sender's peer ID, as the received tracks name it. */
  peerId: string;
  /** Its name when an overview knows it, else its short peer ID (as the lines' labels say it). */
  label: string;
  tracks: number;
}

/** The senders of the received tracks, in the order their first track comes. */
export function sendersOf(tracks: readonly WireTrack[]): Sender[] {
  const senders = new Map<string, Sender>();
  for (const track of tracks) {
    if (track.direction !== 'consumer' || !track.remotePeerId) continue;
    const known = senders.get(track.remotePeerId);
    if (known) known.tracks += 1;
    else
      senders.set(track.remotePeerId, {
        peerId: track.remotePeerId,
        label: track.remoteName ?? track.remotePeerId.slice(0, SHORT_PEER_ID),
        tracks: 1,
      });
  }
  return [...senders.values()];
}

/** What stays narrowed to `sender`: every track but those received from someone else. */
const shownFor = (sender: string) => (track: WireTrack | undefined) => track?.direction !== 'consumer' || track.remotePeerId === sender;

/**
 * The charts with the received lines of `sender` alone (a track keeps its index, so its colour); a chart
 * left with no line goes. Every line when no sender is given.
 */
export function receivedFrom(charts: ChartModel[], tracks: readonly WireTrack[], sender: string | undefined): ChartModel[] {
  if (sender === undefined) return charts;
  const shown = shownFor(sender);
  return charts.flatMap((chart) => {
    const series = chart.series.filter((item) => shown(tracks[item.trackIndex]));
    return series.length === 0 ? [] : [{ ...chart, series }];
  });
}

/** The percentiles rows of what was sent and of the sender's received tracks; every row when no sender is given. */
export function percentilesFrom(
  rows: readonly PercentileRow[],
  tracks: readonly WireTrack[],
  sender: string | undefined,
): readonly PercentileRow[] {
  if (sender === undefined) return rows;
  // A row names its track as the track's lines do.
  const kept = new Set(tracks.filter(shownFor(sender)).map(trackLabel));
  return rows.filter((row) => kept.has(row.track));
}

/**
 * Where the charts shade an issue (seconds): the window its evidence quotes; narrowed to one sender, an
 * issue with what was received shades that sender's stretches alone, so another's trouble is not
 * drawn behind this one's lines.
 */
export function issueBands(issue: DetectedIssue, sender: string | undefined): Array<{ from: number; to: number }> {
  const windows =
    sender !== undefined && issue.received
      ? issueWindowsOf(issue).filter((window) => window.sender === sender)
      : issue.from !== undefined && issue.to !== undefined
        ? [{ from: issue.from, to: issue.to }]
        : [];
  return windows.map((window) => ({ from: window.from / 1000, to: window.to / 1000 }));
}

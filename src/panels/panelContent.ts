/** The payload a stats panel posts to its webview, from an analysed inspection, and its raw JSON on request. */
import { PRECALL_LIMITS } from '../analysis/thresholds';
import type { AnalysedInspection } from '../inspection/inspection';
import type { InspectionTarget } from '../inspection/inspectionTarget';
import {
  RAW_JSON_PREVIEW_CHARS,
  type HostToWebview,
  type PanelAttribution,
  type PanelPayload,
  type RawJsonMessage,
} from '../shared/messages';
import { packEachPeer, packParticipant } from '../shared/packColumns';
import { previewParticipant } from '../shared/previewColumns';
import { toWireParticipant, type WireParticipant } from '../shared/wire';

export interface PayloadExtras {
  pictureAllowed?: boolean;
  attribution?: PanelAttribution;
  /** Index of the peer the webview shows (0 until it says). */
  shownPeer?: number;
}

/** Every column, in one buffer: VS Code drops a message's buffers past 253 (see packColumns.ts). */
const fullWires = new WeakMap<AnalysedInspection, WireParticipant>();
const previews = new WeakMap<AnalysedInspection, WireParticipant>();

function fullWire(content: AnalysedInspection): WireParticipant {
  let wire = content.wire ?? fullWires.get(content);
  if (!wire) fullWires.set(content, (wire = packParticipant(toWireParticipant(content.participant))));
  return wire;
}

/** The long tracks cut down (previewColumns.ts), each peer's columns in a buffer of its own; the full wire when none is long. */
function previewWire(content: AnalysedInspection): WireParticipant {
  let preview = content.preview ?? previews.get(content);
  if (!preview) {
    const full = fullWire(content);
    const cut = previewParticipant(full);
    previews.set(content, (preview = cut === full ? full : packEachPeer(cut)));
  }
  return preview;
}

/**
 * What the first paint gets: the full wire when no track is long; otherwise the preview of the peer
 * shown alone, the others' tracks following with every sample. A 3-peer participant's preview was 768 KB,
 * which took about 90 ms to cross to the webview in code-server.
 */
function firstPaintWire(content: AnalysedInspection, shownPeer = 0): WireParticipant {
  const preview = previewWire(content);
  if (preview === fullWire(content)) return preview;
  const shown = Math.min(Math.max(0, shownPeer), preview.peerStats.length - 1);
  return {
    ...preview,
    peerStats: preview.peerStats.map((peer, index) =>
      index === shown || peer.tracks.length === 0 ? peer : { ...peer, tracks: [], tracksFollow: true },
    ),
  };
}

/** The full columns, to post after a 'show' that carried a preview; undefined when it carried them all. */
export function columnsMessage(content: AnalysedInspection): Extract<HostToWebview, { type: 'columns' }> | undefined {
  const full = fullWire(content);
  if (previewWire(content) === full) return undefined;
  return { type: 'columns', participantId: full.id, fetchedAt: content.fetchedAt, peerStats: full.peerStats };
}

export function toPayload(content: AnalysedInspection, target: InspectionTarget, extras: PayloadExtras = {}): PanelPayload {
  return {
    participant: firstPaintWire(content, extras.shownPeer),
    issues: content.issues,
    verdict: content.verdict,
    precallLimits: PRECALL_LIMITS,
    fetchedAt: content.fetchedAt,
    checkedAt: content.checkedAt,
    stale: content.stale,
    pictureAllowed: extras.pictureAllowed,
    attribution: extras.attribution,
    sessionOverview: target.kind === 'sessionParticipant',
    restore: { ...target },
  };
}

/** Pretty-printed once per answer: opening Raw JSON, copying it and exporting it share the text. */
const rawTexts = new WeakMap<object, string>();

export function rawJsonText(content: AnalysedInspection): string {
  let text = rawTexts.get(content);
  if (text === undefined) {
    text = JSON.stringify(content.raw, null, 2) ?? 'undefined';
    rawTexts.set(content, text);
  }
  return text;
}

/**
 * What the webview gets when Raw JSON is opened: the whole text, or for a huge answer its start (cut at a
 * line end) with the full length, so the panel says how much it shows; Copy and Export take the whole.
 */
export function rawJsonMessage(content: AnalysedInspection, limit = RAW_JSON_PREVIEW_CHARS): RawJsonMessage {
  const text = rawJsonText(content);
  let shown = text;
  if (text.length > limit) {
    const lineEnd = text.lastIndexOf('\n', limit);
    shown = text.slice(0, lineEnd > 0 ? lineEnd : limit);
  }
  return { type: 'rawJson', fetchedAt: content.fetchedAt, text: shown, totalChars: text.length };
}

/**
 * What the explorer keeps between reloads in globalState: the targets the user inspected (IDs only)
 * and, per target, the little the tree shows of it, so a failed re-fetch can still show the last data
 * marked stale. Everything read back is checked (storage is not trusted) and every list is capped, so
 * the stored object stays small however long the calls were.
 */
import type * as vscode from 'vscode';
import { isInspectionTarget, targetKey, type InspectionTarget } from '../inspection/inspectionTarget';
import type { InspectedParticipant, PeerEventModel } from '../shared/model';

const TARGETS_KEY = 'realtimekit.lookedUp';
/** One key per summary, so saving one does not rewrite the others. */
const SUMMARY_PREFIX = 'realtimekit.lastData/';
/** Where earlier versions kept every summary in one object. */
const OLD_SUMMARIES_KEY = 'realtimekit.lastData';
export const MAX_TARGETS = 100;
/** Far above any real participant's peer events; a participant with more shows the newest. */
export const MAX_STORED_PEER_EVENTS = 200;
const MAX_TEXT = 500;

/** What the tree shows of a participant, peer or meeting participant. */
export interface TreeSummary {
  displayName?: string;
  presetName?: string;
  durationMinutes?: number;
  peerCount: number;
  joinedAt?: string;
  leftAt?: string;
  peerEvents: PeerEventModel[];
}

export function treeSummaryOf(participant: InspectedParticipant): TreeSummary {
  return {
    displayName: participant.displayName,
    presetName: participant.presetName,
    durationMinutes: participant.durationMinutes,
    peerCount: participant.peers.length,
    joinedAt: participant.joinedAt,
    leftAt: participant.leftAt,
    peerEvents: participant.peerEvents.slice(-MAX_STORED_PEER_EVENTS),
  };
}

export class InspectionHistory {
  constructor(private readonly state: vscode.Memento) {}

  targets(): InspectionTarget[] {
    const stored = this.state.get<unknown>(TARGETS_KEY);
    return Array.isArray(stored) ? stored.filter(isInspectionTarget).slice(0, MAX_TARGETS) : [];
  }

  async saveTargets(targets: readonly InspectionTarget[]): Promise<void> {
    await this.state.update(TARGETS_KEY, targets.slice(0, MAX_TARGETS));
    await this.pruneSummaries(new Set(targets.map(targetKey)));
  }

  summary(key: string): TreeSummary | undefined {
    return readSummary(this.state.get<unknown>(SUMMARY_PREFIX + key));
  }

  /** Saves one listed target's summary (saveTargets drops those of targets no longer listed). */
  async saveSummary(key: string, summary: TreeSummary): Promise<void> {
    await this.state.update(SUMMARY_PREFIX + key, { ...summary, peerEvents: summary.peerEvents.slice(-MAX_STORED_PEER_EVENTS) });
  }

  private async pruneSummaries(keep: ReadonlySet<string>): Promise<void> {
    const stale = this.state
      .keys()
      .filter((key) => key === OLD_SUMMARIES_KEY || (key.startsWith(SUMMARY_PREFIX) && !keep.has(key.slice(SUMMARY_PREFIX.length))));
    await Promise.all(stale.map((key) => this.state.update(key, undefined)));
  }
}

const optionalText = (value: unknown) => (typeof value === 'string' ? value.slice(0, MAX_TEXT) : undefined);
const optionalNumber = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** Reads a stored summary field by field; anything of the wrong shape is dropped, never trusted. */
export function readSummary(value: unknown): TreeSummary | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const stored = value as Record<string, unknown>;
  const events = Array.isArray(stored.peerEvents) ? stored.peerEvents.slice(-MAX_STORED_PEER_EVENTS) : [];
  return {
    displayName: optionalText(stored.displayName),
    presetName: optionalText(stored.presetName),
    durationMinutes: optionalNumber(stored.durationMinutes),
    peerCount: optionalNumber(stored.peerCount) ?? 0,
    joinedAt: optionalText(stored.joinedAt),
    leftAt: optionalText(stored.leftAt),
    peerEvents: events.flatMap((event): PeerEventModel[] => {
      if (typeof event !== 'object' || event === null) return [];
      const record = event as Record<string, unknown>;
      const name = optionalText(record.name);
      return name
        ? [
            {
              name,
              id: optionalText(record.id),
              at: optionalText(record.at),
              peerId: optionalText(record.peerId),
              viewType: optionalText(record.viewType),
            },
          ]
        : [];
    }),
  };
}

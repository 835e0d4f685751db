/** The nodes of the realtimekit.explorer tree: plain data, turned into tree items by treeItems.ts. */
import type { Scope } from '../api/client';
import type { RawMeeting, RawMeetingParticipant, RawSession, RawSessionParticipant } from '../api/types';
import type { InspectionTarget } from '../inspection/inspectionTarget';
import type { PeerEventModel } from '../shared/model';
import type { BrowseListName } from '../store/explorerStore';

export type ExplorerNode =
  | { type: 'browse'; list: BrowseListName }
  | { type: 'loadMore'; list: BrowseListName; loaded: number; total?: number }
  | { type: 'target'; target: InspectionTarget; key: string }
  | { type: 'session'; scope: Scope; session: RawSession; key: string }
  | { type: 'meeting'; scope: Scope; meeting: RawMeeting }
  | { type: 'meetingParticipant'; scope: Scope; meetingId: string; participant: RawMeetingParticipant }
  | { type: 'sessionParticipant'; scope: Scope; sessionId: string; participant: RawSessionParticipant }
  | { type: 'peerEvent'; scope: Scope; event: PeerEventModel }
  | { type: 'message'; text: string; tooltip?: string; icon: string };

/** Commands get nodes from menus as untyped arguments: this tells a node from anything else. */
export function asExplorerNode(value: unknown): ExplorerNode | undefined {
  return typeof value === 'object' && value !== null && 'type' in value && typeof (value as { type: unknown }).type === 'string'
    ? (value as ExplorerNode)
    : undefined;
}

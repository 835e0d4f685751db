/** What "Copy ID" and "Copy as JSON" copy from a tree node. */
import { text } from '../api/coerce';
import { primaryId } from '../inspection/inspectionTarget';
import type { ExplorerStore } from '../store/explorerStore';
import type { ExplorerNode } from './treeNodes';

export function idOf(node: ExplorerNode): string | undefined {
  switch (node.type) {
    case 'target':
      return primaryId(node.target);
    case 'session':
      return text(node.session.id);
    case 'meeting':
      return text(node.meeting.id);
    case 'meetingParticipant':
    case 'sessionParticipant':
      return text(node.participant.id);
    case 'peerEvent':
      return node.event.peerId;
    case 'browse':
    case 'loadMore':
    case 'message':
      return undefined;
  }
}

/** The raw data behind a node: the API's answer where the store has it, else what the node holds. */
export function rawOf(store: ExplorerStore, node: ExplorerNode): unknown {
  switch (node.type) {
    case 'target': {
      if (node.target.kind === 'session')
        return { session: store.session(node.key), participants: store.loadedSessionParticipants(node.key) };
      const loaded = store.loadedTarget(node.key);
      return loaded?.inspection?.raw ?? loaded?.summary ?? node.target;
    }
    case 'session':
      return node.session;
    case 'meeting':
      return node.meeting;
    case 'meetingParticipant':
    case 'sessionParticipant':
      return node.participant;
    case 'peerEvent':
      return node.event;
    case 'browse':
    case 'loadMore':
    case 'message':
      return undefined;
  }
}

/** Commands of the explorer's context menus and "Load more" items (not in the palette). */
import * as vscode from 'vscode';
import { text } from '../api/coerce';
import { lookedUpKey, reopenCommand } from '../views/lookedUp';
import { primaryId, type ExplorerNode } from '../views/treeNodes';
import { inspectorLink } from './inspectorLink';
import type { Services } from './services';

function idOf(node: ExplorerNode): string | undefined {
  switch (node.type) {
    case 'lookedUp':
      return primaryId(node.item);
    case 'session':
      return text(node.session.id);
    case 'meeting':
      return text(node.meeting.id);
    case 'meetingParticipant':
    case 'sessionParticipant':
      return text(node.participant.id);
    case 'peerEvent':
      return node.event.peerId;
    default:
      return undefined;
  }
}

export function treeCommands(services: Services): Record<string, (node?: unknown) => Promise<unknown>> {
  const asNode = (value: unknown) => (typeof value === 'object' && value !== null && 'type' in value ? (value as ExplorerNode) : undefined);
  return {
    'realtimekit.tree.loadMore': async (value) => {
      const node = asNode(value);
      if (node?.type === 'loadMore') await services.tree.loadMore(node.list);
    },
    'realtimekit.tree.openStats': async (value) => {
      const node = asNode(value);
      if (node?.type === 'lookedUp') {
        const { command, argument } = reopenCommand(node.item);
        return vscode.commands.executeCommand(command, argument);
      }
      if (node?.type === 'sessionParticipant' && text(node.participant.id)) {
        return vscode.commands.executeCommand('realtimekit.showSessionParticipant', { ...node.scope, sessionId: node.sessionId, participantId: text(node.participant.id) });
      }
      if (node?.type === 'meetingParticipant' && text(node.participant.id)) {
        return vscode.commands.executeCommand('realtimekit.showMeetingParticipant', { ...node.scope, meetingId: node.meetingId, participantId: text(node.participant.id) });
      }
      return undefined;
    },
    'realtimekit.tree.showPeerReport': async (value) => {
      const node = asNode(value);
      if (node?.type === 'peerEvent' && node.event.peerId) return vscode.commands.executeCommand('realtimekit.showPeerReport', { ...node.scope, peerId: node.event.peerId });
      return undefined;
    },
    'realtimekit.tree.openSession': async (value) => {
      const node = asNode(value);
      if (node?.type === 'session' && text(node.session.id)) return vscode.commands.executeCommand('realtimekit.openSession', { ...node.scope, sessionId: text(node.session.id) });
      return undefined;
    },
    'realtimekit.tree.copyId': async (value) => {
      const node = asNode(value);
      const id = node && idOf(node);
      if (!id) return;
      await vscode.env.clipboard.writeText(id);
      vscode.window.setStatusBarMessage(`RealtimeKit: copied ${id}`, 3000);
    },
    'realtimekit.tree.copyJson': async (value) => {
      const node = asNode(value);
      if (!node) return;
      await vscode.env.clipboard.writeText(JSON.stringify(services.tree.rawOf(node) ?? null, null, 2));
      vscode.window.setStatusBarMessage('RealtimeKit: copied as JSON', 3000);
    },
    'realtimekit.tree.copyLink': async (value) => {
      const node = asNode(value);
      if (node?.type !== 'lookedUp') return;
      const { command, argument } = reopenCommand(node.item);
      const link = inspectorLink(vscode.env.uriScheme, command, argument);
      if (!link) return;
      await vscode.env.clipboard.writeText(link);
      vscode.window.setStatusBarMessage('RealtimeKit: link copied (it opens this item after a confirmation)', 4000);
    },
    'realtimekit.tree.remove': async (value) => {
      const node = asNode(value);
      if (node?.type === 'lookedUp') await services.tree.remove(lookedUpKey(node.item));
    },
    'realtimekit.clearRecentIds': async () => {
      await services.recent.clearAll(['account', 'app', 'session', 'participant', 'peer', 'meeting', 'meetingParticipant']);
      void vscode.window.showInformationMessage('RealtimeKit: recent IDs cleared.');
    },
  };
}

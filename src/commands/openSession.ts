/** realtimekit.openSession: every page of GET /sessions/{session_id}/participants, listed in the tree. */
import * as vscode from 'vscode';
import type { RawSessionParticipant } from '../api/types';
import { call, type CommandId } from '../common/commands';
import type { CommandDefinition } from './support/commandDefinition';
import { sessionArgument } from './support/sessionArgument';
import type { Services } from './support/services';
import { notificationText } from './support/notificationText';
import { withApi } from './support/withApi';

const COMMAND = 'realtimekit.openSession' satisfies CommandId;
const TITLE = 'RealtimeKit: Open Session';

async function openSession(services: Services, rawArgument?: unknown): Promise<unknown> {
  const chosen = await sessionArgument(services, rawArgument, COMMAND, TITLE);
  if (!chosen) return undefined;
  const { scope, sessionId: id } = chosen;
  const rerun = call('realtimekit.openSession', { ...scope, sessionId: id });
  const client = services.client();
  // The session's own record gives the tree its meeting name; the list works without it.
  const session = client.getSession(scope, id).catch(() => undefined);
  const participants = await withApi(
    services,
    'Loading session participants',
    async (signal, progress) => {
      const all: RawSessionParticipant[] = [];
      let truncated: string | undefined;
      for await (const page of client.allSessionParticipants(scope, id, { includePeerEvents: true }, { signal, refresh: true })) {
        all.push(...page);
        truncated ??= page.truncated?.reason;
        progress.report({ message: `${all.length.toLocaleString('en-US')} loaded` });
      }
      return { all, truncated };
    },
    rerun,
  );
  if (!participants) return undefined;
  if (participants.truncated) {
    void vscode.window.showWarningMessage(
      notificationText(
        `RealtimeKit: the participant list stopped at ${participants.all.length.toLocaleString('en-US')}. ${participants.truncated}`,
      ),
    );
  }
  await services.store.addSession({ kind: 'session', ...scope, sessionId: id }, participants.all, await session, participants.truncated);
  return { participants: participants.all };
}

export const openSessionCommand: CommandDefinition = { id: COMMAND, run: openSession };

/** realtimekit.openSession: every page of GET /sessions/{session_id}/participants, listed in the tree. */
import * as vscode from 'vscode';
import type { RawSessionParticipant } from '../api/types';
import { argumentObject, requiredString } from './arguments';
import { askForId } from './prompts';
import { resolveScope } from './scope';
import type { Services } from './services';
import { withApi } from './withApi';

export const OPEN_SESSION = 'realtimekit.openSession';
const TITLE = 'RealtimeKit: Open Session';

export async function openSession(services: Services, rawArgument?: unknown): Promise<unknown> {
  const argument = argumentObject(rawArgument, OPEN_SESSION);
  let sessionId = argument ? requiredString(argument, 'sessionId', OPEN_SESSION) : undefined;
  const scope = await resolveScope(services, argument, TITLE);
  if (!scope) return undefined;
  if (!argument) {
    sessionId = await askForId('session', services.recent, { title: TITLE, step: 'session' });
    if (!sessionId) return undefined;
  }
  const id = sessionId!;
  const rerun = () => vscode.commands.executeCommand(OPEN_SESSION, { ...scope, sessionId: id });
  const client = services.client();
  // The session's own record gives the tree its meeting name; the list works without it.
  const session = client.getSession(scope, id).catch(() => undefined);
  const participants = await withApi(
    services,
    'Loading session participants',
    async (signal, progress) => {
      const all: RawSessionParticipant[] = [];
      for await (const page of client.allSessionParticipants(scope, id, { includePeerEvents: true }, { signal, refresh: true })) {
        all.push(...page);
        progress.report({ message: `${all.length.toLocaleString('en-US')} loaded` });
      }
      return all;
    },
    rerun,
  );
  if (!participants) return undefined;
  await services.tree.openSession({ kind: 'session', ...scope, sessionId: id }, participants, await session);
  return { participants };
}

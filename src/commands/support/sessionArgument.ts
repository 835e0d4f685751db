/**
 * The session a command works on: `{ sessionId, accountId?, appId? }` from code, or asked for from
 * the palette (recent IDs offered; account and app from the settings or asked for).
 */
import type { Scope } from '../../api/client';
import type { CommandId } from '../../common/commands';
import { argumentObject, requiredString } from './arguments';
import { askForId } from './prompts';
import { resolveScope } from './scope';
import type { Services } from './services';

export async function sessionArgument(
  services: Services,
  rawArgument: unknown,
  command: CommandId,
  title: string,
): Promise<{ scope: Scope; sessionId: string } | undefined> {
  const argument = argumentObject(rawArgument, command);
  const given = argument ? requiredString(argument, 'sessionId', command) : undefined;
  const scope = await resolveScope(services, argument, title);
  if (!scope) return undefined;
  const sessionId = given ?? (await askForId('session', services.recent, { title, step: 'session' }));
  return sessionId ? { scope, sessionId } : undefined;
}

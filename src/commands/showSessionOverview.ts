/**
 * realtimekit.showSessionOverview: the whole call at a glance. Reads the session and every page of its
 * participants, then each participant's statistics, and resolves to the value fixed in interface.md
 * once the list is on screen and every participant analysed automatically is analysed or failed.
 */
import type { CommandId } from '../common/commands';
import { call } from '../common/commands';
import type { SessionOverviewResult } from '../shared/session';
import type { CommandDefinition } from './support/commandDefinition';
import { sessionArgument } from './support/sessionArgument';
import type { Services } from './support/services';
import { withApi } from './support/withApi';

const COMMAND = 'realtimekit.showSessionOverview' satisfies CommandId;
const TITLE = 'RealtimeKit: Show Session Overview';

async function showSessionOverview(services: Services, rawArgument?: unknown): Promise<SessionOverviewResult | undefined> {
  const chosen = await sessionArgument(services, rawArgument, COMMAND, TITLE);
  if (!chosen) return undefined;
  const { scope, sessionId: id } = chosen;
  return withApi(
    services,
    'Opening the session overview',
    (signal, progress) => services.sessionPanels.show(scope, id, signal, (message, increment) => progress.report({ message, increment })),
    call('realtimekit.showSessionOverview', { ...scope, sessionId: id }),
  );
}

export const showSessionOverviewCommand: CommandDefinition = { id: COMMAND, run: showSessionOverview };

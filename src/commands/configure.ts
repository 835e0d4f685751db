/** realtimekit.configure: asks for the account and app (listing the account's apps when it can) and saves them. */
import * as vscode from 'vscode';
import { cleanId, validateId } from '../api/ids';
import { errorMessage } from '../shared/errorMessage';
import { readSettings, saveSetting } from '../state/settings';
import type { CommandDefinition } from './support/commandDefinition';
import { withCancellableProgress } from './support/progress';
import type { Services } from './support/services';

const TITLE = 'RealtimeKit: Configure Account and App';

async function configure(services: Services): Promise<{ accountId: string; appId: string } | undefined> {
  const settings = readSettings();
  const account = await vscode.window.showInputBox({
    title: `${TITLE} (1/2)`,
    prompt: 'Cloudflare account ID (32 hexadecimal characters, shown in the dashboard URL)',
    value: settings.accountId,
    ignoreFocusOut: true,
    validateInput: (value) => validateId('account', value),
  });
  if (account === undefined) return undefined;
  const accountId = cleanId(account);
  const appId = await pickApp(services, accountId, settings.appId);
  if (appId === undefined) return undefined;
  await saveSetting('accountId', accountId);
  await saveSetting('appId', appId);
  void vscode.window.showInformationMessage(`RealtimeKit: using account ${accountId} and app ${appId}.`);
  return { accountId, appId };
}

/** Lists the account's apps when a token is stored; typing an ID is always possible. */
async function pickApp(services: Services, accountId: string, current: string): Promise<string | undefined> {
  const typeIt = '$(edit) Enter an app ID…';
  let items: vscode.QuickPickItem[] = [];
  if (await services.tokens.get()) {
    try {
      const page = await withCancellableProgress('Listing RealtimeKit apps…', (signal) =>
        services.client().listApps(accountId, { perPage: 100 }, { signal }),
      );
      items = page.items
        .filter((app) => app.id)
        .map((app) => ({ label: app.name ?? app.id!, description: app.id, picked: app.id === current }));
    } catch (error) {
      services.log.warn(`Listing apps: ${errorMessage(error)}`);
    }
  }
  if (items.length > 0) {
    const picked = await vscode.window.showQuickPick([...items, { label: typeIt }], {
      title: `${TITLE} (2/2)`,
      placeHolder: 'Choose the app',
      ignoreFocusOut: true,
    });
    if (!picked) return undefined;
    if (picked.label !== typeIt) return picked.description;
  }
  const app = await vscode.window.showInputBox({
    title: `${TITLE} (2/2)`,
    prompt: 'RealtimeKit app ID',
    value: current,
    ignoreFocusOut: true,
    validateInput: (value) => validateId('app', value),
  });
  return app === undefined ? undefined : cleanId(app);
}

export const configureCommand: CommandDefinition = { id: 'realtimekit.configure', run: configure };

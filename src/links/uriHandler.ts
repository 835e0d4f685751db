/** Opens links to a session, participant or peer after the user confirms (a link may come from anyone). */
import * as vscode from 'vscode';
import { notificationText } from '../commands/support/notificationText';
import type { Logger } from '../common/logger';
import { parseInspectorLink } from './inspectorLink';

export class InspectorUriHandler implements vscode.UriHandler {
  constructor(private readonly log: Logger) {}

  async handleUri(uri: vscode.Uri): Promise<void> {
    const parsed = parseInspectorLink(uri.path, uri.query);
    if ('error' in parsed) {
      this.log.warn(`Refused a link: ${parsed.error}`);
      void vscode.window.showErrorMessage(notificationText(`RealtimeKit: cannot open this link. ${parsed.error}`));
      return;
    }
    const details = Object.entries(parsed.argument)
      .map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(',') : String(value)}`)
      .join('\n');
    const choice = await vscode.window.showInformationMessage(
      `Open the RealtimeKit ${parsed.what} from this link?`,
      { modal: true, detail: notificationText(details) },
      'Open',
    );
    if (choice === 'Open') await vscode.commands.executeCommand(parsed.command, parsed.argument);
  }
}

/**
 * The shared path of the three "show" commands: fetch behind progress, normalise, record in the tree,
 * open or reveal the stats panel, and resolve to the API's `data` once it is on screen.
 */
import * as vscode from 'vscode';
import { fetchInspection, reopenCommand, type LookedUp } from '../views/lookedUp';
import type { Services } from './services';
import { withApi } from './withApi';

export async function inspect(services: Services, title: string, item: Exclude<LookedUp, { kind: 'session' }>): Promise<Record<string, unknown> | undefined> {
  const { command, argument } = reopenCommand(item);
  const rerun = () => vscode.commands.executeCommand(command, argument);
  const fetched = await withApi(services, title, (signal) => fetchInspection(services.client(), item, { signal, refresh: true }), rerun);
  if (fetched === undefined) return undefined;
  const { raw, participant } = fetched;
  const shown = { ...item, label: participant.displayName ?? item.label };
  await services.tree.addLookedUp(shown, participant, raw);
  await services.panels.show(shown, { participant, raw, fetchedAt: new Date().toISOString() });
  return raw;
}

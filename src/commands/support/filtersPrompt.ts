/** Lets the user pick which statistics to ask for; none picked means no `filters` parameter at all. */
import * as vscode from 'vscode';
import { STATS_FILTERS, type StatsFilter } from '../../api/endpoints';

const DESCRIPTIONS: Record<StatsFilter, string> = {
  device_info: 'browser, OS, SDK, CPU and memory',
  ip_information: 'IP location and network owner',
  precall_network_information: 'pre-call test: RTT, jitter, loss, connectivity',
  events: 'SDK events',
  quality_stats: 'audio and video quality over time',
};

/** Resolves to [] for "everything" and undefined when the user cancels. */
export async function askForFilters(title: string): Promise<StatsFilter[] | undefined> {
  const picked = await vscode.window.showQuickPick(
    STATS_FILTERS.map((filter) => ({ label: filter, description: DESCRIPTIONS[filter] })),
    {
      title,
      canPickMany: true,
      ignoreFocusOut: true,
      placeHolder: 'Restrict the statistics (pick none for the full answer), then press Enter',
    },
  );
  return picked?.map((item) => item.label as StatsFilter);
}

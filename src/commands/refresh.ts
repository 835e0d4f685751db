/** realtimekit.refresh: fetches again what the tree shows. */
import type { CommandDefinition } from './support/commandDefinition';
import type { Services } from './support/services';

async function refresh(services: Services): Promise<boolean> {
  services.client().http.clearCache();
  services.store.clear();
  return true;
}

export const refreshCommand: CommandDefinition = { id: 'realtimekit.refresh', run: refresh };

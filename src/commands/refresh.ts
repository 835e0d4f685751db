/** realtimekit.refresh: fetches again what the tree shows. */
import type { Services } from './services';

export async function refresh(services: Services): Promise<boolean> {
  services.client().http.clearCache();
  await services.tree.refreshAll();
  return true;
}

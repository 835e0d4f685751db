/** What the commands need, handed in by extension.ts so each command stays a small function. */
import type { RealtimeKitClient } from '../../api/client';
import type { RequestScheduler } from '../../api/scheduler';
import type { Logger } from '../../common/logger';
import type { ComparePanels } from '../../panels/comparePanels';
import type { SessionPanels } from '../../panels/sessionPanels';
import type { StatsPanels } from '../../panels/statsPanels';
import type { RecentIds } from '../../state/recentIds';
import type { TokenStore } from '../../state/tokenStore';
import type { ExplorerStore } from '../../store/explorerStore';

export interface Services {
  readonly tokens: TokenStore;
  readonly recent: RecentIds;
  readonly log: Logger;
  readonly panels: StatsPanels;
  readonly sessionPanels: SessionPanels;
  readonly comparePanels: ComparePanels;
  readonly store: ExplorerStore;
  /** The one queue of all fan-out requests (refresh, overview, peer reports, compare). */
  readonly scheduler: RequestScheduler;
  client(): RealtimeKitClient;
  /**
   * Forgets the answers the client keeps (the token changed). Without a client there are none: unlike
   * client(), this cannot fail on an API root the token must not go to.
   */
  forgetAnswers(): void;
}

/** Every command the extension registers, one file each. */
import { clearApiTokenCommand } from './clearApiToken';
import { clearRecentIdsCommand } from './clearRecentIds';
import { compareParticipantsCommand } from './compareParticipants';
import { configureCommand } from './configure';
import { openSessionCommand } from './openSession';
import { refreshCommand } from './refresh';
import { setApiTokenCommand } from './setApiToken';
import { showMeetingParticipantCommand } from './showMeetingParticipant';
import { showPeerReportCommand } from './showPeerReport';
import { showSessionOverviewCommand } from './showSessionOverview';
import { showSessionParticipantCommand } from './showSessionParticipant';
import type { CommandDefinition } from './support/commandDefinition';
import { chooseCommand } from './tree/choose';
import { copyIdCommand } from './tree/copyId';
import { copyJsonCommand } from './tree/copyJson';
import { copyLinkCommand } from './tree/copyLink';
import { loadMoreCommand } from './tree/loadMore';
import { treeOpenSessionCommand } from './tree/openSession';
import { openStatsCommand } from './tree/openStats';
import { treeShowSessionOverviewCommand } from './tree/showSessionOverview';
import { removeCommand } from './tree/remove';
import { treeShowPeerReportCommand } from './tree/showPeerReport';

export const COMMANDS: readonly CommandDefinition[] = [
  setApiTokenCommand,
  clearApiTokenCommand,
  showSessionParticipantCommand,
  showPeerReportCommand,
  showMeetingParticipantCommand,
  openSessionCommand,
  showSessionOverviewCommand,
  compareParticipantsCommand,
  refreshCommand,
  configureCommand,
  clearRecentIdsCommand,
  chooseCommand,
  loadMoreCommand,
  openStatsCommand,
  treeShowPeerReportCommand,
  treeOpenSessionCommand,
  treeShowSessionOverviewCommand,
  copyIdCommand,
  copyJsonCommand,
  copyLinkCommand,
  removeCommand,
];

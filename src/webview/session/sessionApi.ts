/**
 * The session webview's side of the message channel and its saved UI state, typed with the session
 * contract. A webview may call acquireVsCodeApi only once, so this reuses the handle from ../vscodeApi
 * (which ../fields also posts 'copy' through, a message both contracts share).
 */
import type { SessionRestore, SessionWebviewToHost } from '../../shared/session';
import { vscode } from '../vscodeApi';
import { DEFAULT_SORT, type ColumnId, type SortState } from './sortRows';
import type { TimeWindow } from './timeScale';

/** What a hidden or reloaded panel gets back. */
export interface SessionPanelState {
  version: 1;
  sort: SortState;
  filter: string;
  /** Participant IDs ticked for Compare. */
  selected: string[];
  /** The row that has the keyboard focus (roving tabindex). */
  activeId?: string;
  scrollTop: number;
  timeline?: TimeWindow;
  /** From the 'header' message: the host reopens the overview from these IDs after a reload. */
  restore?: SessionRestore;
}

interface SessionVsCodeApi {
  postMessage(message: SessionWebviewToHost): void;
  getState(): unknown;
  setState(state: SessionPanelState): void;
}

export const sessionApi = vscode as unknown as SessionVsCodeApi;

const COLUMNS: readonly ColumnId[] = [
  'name',
  'customId',
  'preset',
  'joined',
  'left',
  'duration',
  'peers',
  'client',
  'network',
  'mos',
  'loss',
  'rtt',
  'verdict',
  'issue',
];

/** The saved state is read back field by field: an older build may have saved something else. */
export function loadPanelState(): SessionPanelState {
  const saved = sessionApi.getState() as Partial<SessionPanelState> | undefined;
  const sort =
    saved?.sort && COLUMNS.includes(saved.sort.column)
      ? { column: saved.sort.column, descending: saved.sort.descending === true }
      : { ...DEFAULT_SORT };
  const restore = saved?.restore;
  const timeline =
    saved?.timeline && Number.isFinite(saved.timeline.from) && Number.isFinite(saved.timeline.to) ? saved.timeline : undefined;
  return {
    version: 1,
    sort,
    filter: typeof saved?.filter === 'string' ? saved.filter : '',
    selected: Array.isArray(saved?.selected) ? saved.selected.filter((id): id is string => typeof id === 'string') : [],
    activeId: typeof saved?.activeId === 'string' ? saved.activeId : undefined,
    scrollTop: typeof saved?.scrollTop === 'number' && saved.scrollTop >= 0 ? saved.scrollTop : 0,
    timeline,
    restore:
      typeof restore?.accountId === 'string' && typeof restore.appId === 'string' && typeof restore.sessionId === 'string'
        ? restore
        : undefined,
  };
}

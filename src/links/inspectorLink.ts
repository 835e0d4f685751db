/**
 * Links like vscode://rtk-tools.realtimekit-inspector/participant?sessionId=…&participantId=… that open
 * a session, participant or peer (e.g. pasted into a ticket). Parsing is pure; IDs are validated here.
 */
import { isStatsFilter } from '../api/endpoints';
import { validateId, type IdKind } from '../api/ids';
import type { CommandCall, CommandId } from '../common/commands';

export const LINK_AUTHORITY = 'rtk-tools.realtimekit-inspector';
/** Far above any real link (a few IDs); checked before any other parsing, which is not linear-time. */
export const MAX_LINK_LENGTH = 2_048;

interface Route {
  command: CommandId;
  what: string;
  required: Array<[string, IdKind]>;
  filters?: boolean;
}

const ROUTES: Record<string, Route> = {
  '/session': { command: 'realtimekit.openSession', what: 'session', required: [['sessionId', 'session']] },
  '/session-overview': { command: 'realtimekit.showSessionOverview', what: 'session overview', required: [['sessionId', 'session']] },
  '/participant': {
    command: 'realtimekit.showSessionParticipant',
    what: 'session participant',
    required: [
      ['sessionId', 'session'],
      ['participantId', 'participant'],
    ],
    filters: true,
  },
  '/peer': { command: 'realtimekit.showPeerReport', what: 'peer report', required: [['peerId', 'peer']], filters: true },
  '/meeting-participant': {
    command: 'realtimekit.showMeetingParticipant',
    what: 'meeting participant',
    required: [
      ['meetingId', 'meeting'],
      ['participantId', 'meetingParticipant'],
    ],
  },
};
const SCOPE: Array<[string, IdKind]> = [
  ['accountId', 'account'],
  ['appId', 'app'],
];

export type ParsedLink = { command: CommandId; what: string; argument: Record<string, unknown> } | { error: string };

export function parseInspectorLink(path: string, query: string): ParsedLink {
  if (path.length + query.length > MAX_LINK_LENGTH) {
    return {
      error: `The link is ${(path.length + query.length).toLocaleString('en-US')} characters long; a RealtimeKit link is at most ${MAX_LINK_LENGTH.toLocaleString('en-US')}.`,
    };
  }
  const route = ROUTES[path.replace(/\/+$/, '')];
  if (!route) return { error: `RealtimeKit links open ${Object.keys(ROUTES).join(', ')}; this link's path is not one of them.` };
  const params = new URLSearchParams(query);
  const argument: Record<string, unknown> = {};
  for (const [name, kind] of route.required) {
    const value = params.get(name);
    if (value === null) return { error: `The link has no ${name}.` };
    const problem = validateId(kind, value);
    if (problem) return { error: `The link's ${name} is not valid: ${problem}` };
    argument[name] = value.trim();
  }
  for (const [name, kind] of SCOPE) {
    const value = params.get(name);
    if (value === null || value === '') continue;
    const problem = validateId(kind, value);
    if (problem) return { error: `The link's ${name} is not valid: ${problem}` };
    argument[name] = value.trim();
  }
  const filters = params.get('filters');
  if (filters && route.filters) {
    const list = filters.split(',').filter(Boolean);
    if (!list.every(isStatsFilter)) return { error: 'The link names unknown filters.' };
    argument.filters = list;
  }
  return { command: route.command, what: route.what, argument };
}

/** The link that reopens a target, for "Copy Link". */
export function inspectorLink(scheme: string, reopen: CommandCall): string | undefined {
  const entry = Object.entries(ROUTES).find(([, route]) => route.command === reopen.command);
  const argument = reopen.arguments[0];
  if (!entry || typeof argument !== 'object' || argument === null) return undefined;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(argument)) {
    if (typeof value === 'string') params.set(key, value);
    else if (Array.isArray(value) && value.length) params.set(key, value.join(','));
  }
  return `${scheme}://${LINK_AUTHORITY}${entry[0]}?${params.toString()}`;
}

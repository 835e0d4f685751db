/**
 * Links like vscode://rtk-tools.realtimekit-inspector/participant?sessionId=…&participantId=… that open
 * a session, participant or peer (e.g. pasted into a ticket). Parsing is pure; IDs are validated here.
 */
import { validateId, type IdKind } from '../api/ids';
import { isStatsFilter } from '../api/endpoints';

export const LINK_AUTHORITY = 'rtk-tools.realtimekit-inspector';

interface Route {
  command: string;
  what: string;
  required: Array<[string, IdKind]>;
  optional?: Array<[string, IdKind]>;
}

const ROUTES: Record<string, Route> = {
  '/session': { command: 'realtimekit.openSession', what: 'session', required: [['sessionId', 'session']] },
  '/participant': { command: 'realtimekit.showSessionParticipant', what: 'session participant', required: [['sessionId', 'session'], ['participantId', 'participant']] },
  '/peer': { command: 'realtimekit.showPeerReport', what: 'peer report', required: [['peerId', 'peer']] },
  '/meeting-participant': { command: 'realtimekit.showMeetingParticipant', what: 'meeting participant', required: [['meetingId', 'meeting'], ['participantId', 'meetingParticipant']] },
};
const SCOPE: Array<[string, IdKind]> = [['accountId', 'account'], ['appId', 'app']];

export type ParsedLink = { command: string; what: string; argument: Record<string, unknown> } | { error: string };

export function parseInspectorLink(path: string, query: string): ParsedLink {
  const route = ROUTES[path.replace(/\/+$/, '')];
  if (!route) return { error: `RealtimeKit links open ${Object.keys(ROUTES).join(', ')}; "${path}" is not one of them.` };
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
  if (filters && (route.what === 'session participant' || route.what === 'peer report')) {
    const list = filters.split(',').filter(Boolean);
    if (!list.every(isStatsFilter)) return { error: 'The link names unknown filters.' };
    argument.filters = list;
  }
  return { command: route.command, what: route.what, argument };
}

/** The link that reopens an item, for "Copy Link". */
export function inspectorLink(scheme: string, command: string, argument: Record<string, unknown>): string | undefined {
  const entry = Object.entries(ROUTES).find(([, route]) => route.command === command);
  if (!entry) return undefined;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(argument)) {
    if (typeof value === 'string') params.set(key, value);
    else if (Array.isArray(value) && value.length) params.set(key, value.join(','));
  }
  return `${scheme}://${LINK_AUTHORITY}${entry[0]}?${params.toString()}`;
}

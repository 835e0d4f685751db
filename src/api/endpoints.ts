/** Path templates of the RealtimeKit read endpoints, and the filters the statistics endpoints accept. */

export const STATS_FILTERS = ['device_info', 'ip_information', 'precall_network_information', 'events', 'quality_stats'] as const;
export type StatsFilter = (typeof STATS_FILTERS)[number];

export function isStatsFilter(value: unknown): value is StatsFilter {
  return typeof value === 'string' && (STATS_FILTERS as readonly string[]).includes(value);
}

/** One value as is, several joined by commas with no spaces; undefined when none is chosen. */
export function filtersParam(filters: readonly StatsFilter[] | undefined): string | undefined {
  if (!filters || filters.length === 0) return undefined;
  return [...new Set(filters)].join(',');
}

const KIT = '/accounts/{account_id}/realtime/kit';

export const ENDPOINTS = {
  apps: `${KIT}/apps`,
  app: `${KIT}/apps/{app_id}`,
  meetings: `${KIT}/{app_id}/meetings`,
  meeting: `${KIT}/{app_id}/meetings/{meeting_id}`,
  meetingParticipants: `${KIT}/{app_id}/meetings/{meeting_id}/participants`,
  meetingParticipant: `${KIT}/{app_id}/meetings/{meeting_id}/participants/{participant_id}`,
  sessions: `${KIT}/{app_id}/sessions`,
  session: `${KIT}/{app_id}/sessions/{session_id}`,
  sessionParticipants: `${KIT}/{app_id}/sessions/{session_id}/participants`,
  sessionParticipant: `${KIT}/{app_id}/sessions/{session_id}/participants/{participant_id}`,
  peerReport: `${KIT}/{app_id}/sessions/peer-report/{peer_id}`,
  sessionTranscript: `${KIT}/{app_id}/sessions/{session_id}/transcript`,
  sessionSummary: `${KIT}/{app_id}/sessions/{session_id}/summary`,
  sessionChat: `${KIT}/{app_id}/sessions/{session_id}/chat`,
} as const;

/** Fills a template; every value is URL-encoded so that no ID can change the path. */
export function fillPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`missing path value ${name}`);
    // URL parsers resolve "." and ".." (even as %2E%2E) as path steps, so such a segment is refused.
    if (/^\.{1,2}$/.test(value)) throw new Error(`"${value}" cannot be used as ${name}`);
    return encodeURIComponent(value);
  });
}

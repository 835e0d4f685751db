/** Messages between the stats panel host and the webview. Both sides import these types. */
import type { InspectedParticipant } from './model';

export interface PanelPayload {
  participant: InspectedParticipant;
  /** The API's `data` object as received, for the raw JSON view. */
  raw: unknown;
  fetchedAt: string;
  stale?: boolean;
}

export type HostToWebview =
  | { type: 'show'; payload: PanelPayload }
  | { type: 'loading'; title: string }
  | { type: 'error'; message: string };

export type WebviewToHost =
  | { type: 'ready' }
  | { type: 'rendered'; id?: string }
  | { type: 'copy'; text: string }
  | { type: 'refresh' };

export function isWebviewToHost(value: unknown): value is WebviewToHost {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  if (type === 'copy') return typeof (value as { text?: unknown }).text === 'string';
  return type === 'ready' || type === 'rendered' || type === 'refresh';
}

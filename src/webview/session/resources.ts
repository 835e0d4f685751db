/** "What else the API holds": transcript, summary and chat, opened only through the host. */
import { formatTime } from '../../shared/format';
import type { SessionResource, SessionWebviewToHost } from '../../shared/session';
import { actionButton } from '../button';
import { el } from '../dom';

const LABELS: Record<SessionResource['kind'], string> = { transcript: 'Transcript', summary: 'Summary', chat: 'Chat' };

function state(resource: SessionResource, post: (message: SessionWebviewToHost) => void): Node[] {
  switch (resource.state) {
    case 'available': {
      const open = actionButton(
        `Open ${LABELS[resource.kind].toLowerCase()}`,
        'link-external',
        () => post({ type: 'openResource', kind: resource.kind }),
        {
          'data-kind': resource.kind,
        },
      );
      return [open, resource.expiresAt ? el('span', { class: 'muted' }, ` link expires ${formatTime(resource.expiresAt)}`) : el('span')];
    }
    case 'not-available':
      return [el('span', { class: 'muted' }, 'not available')];
    case 'error':
      return [el('span', { class: 'error' }, resource.detail || 'could not be read')];
    default:
      return [el('span', { class: 'muted' }, resource.detail || 'not checked')];
  }
}

export function resourcesView(resources: readonly SessionResource[], post: (message: SessionWebviewToHost) => void): HTMLElement {
  const rows = resources.map((resource) =>
    el(
      'tr',
      { 'data-kind': resource.kind },
      el('th', { scope: 'row' }, LABELS[resource.kind] ?? resource.kind),
      el('td', {}, ...state(resource, post)),
    ),
  );
  return el('table', { class: 'fields resources' }, el('tbody', {}, ...rows));
}

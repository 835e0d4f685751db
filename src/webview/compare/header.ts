/** The compare panel's header: the session, then one chip per participant in its colour, and the notices. */
import type { ComparedParticipant, ComparePayload } from '../../shared/compare';
import { seriesCssColour } from '../charts/theme';
import { el } from '../dom';
import { actionButton } from '../button';
import { copyButton } from '../fields';
import { VERDICT_ICONS } from '../sections/summarySection';

const VERDICT_WORDS: Record<ComparedParticipant['verdict']['level'], string> = {
  good: 'Good',
  degraded: 'Degraded',
  poor: 'Poor',
  unknown: 'Unknown',
};

/** A small square in the participant's colour; decoration, its name says who it is. */
export function swatch(colour: number): HTMLElement {
  const element = el('span', { class: 'swatch', 'aria-hidden': 'true' });
  // Through the CSSOM: the panel's policy allows no inline style attribute.
  element.style.setProperty('--participant', seriesCssColour(colour));
  return element;
}

export function openButton(label: string, onClick: () => void): HTMLElement {
  return actionButton('Open', 'link-external', onClick, { 'aria-label': label, title: label });
}

function chip(participant: ComparedParticipant, name: string, open: (participantId: string) => void): HTMLElement {
  const { level, line } = participant.verdict;
  const item = el(
    'li',
    { class: `chip${participant.error ? ' chip-error' : ''}`, 'data-participant-id': participant.participantId },
    swatch(participant.colour),
    el(
      'div',
      { class: 'chip-body' },
      el(
        'div',
        { class: 'chip-title' },
        el('span', { class: 'chip-name' }, name),
        el(
          'span',
          { class: `chip-verdict verdict-${level}` },
          el('span', { class: `codicon codicon-${VERDICT_ICONS[level]}`, 'aria-hidden': 'true' }),
          ` ${VERDICT_WORDS[level]}`,
        ),
      ),
      participant.error ? el('p', { class: 'error chip-line' }, participant.error) : el('p', { class: 'muted chip-line' }, line),
      participant.explainedByOthers
        ? el(
            'p',
            { class: 'muted chip-line chip-ranking' },
            "The session overview ranks it Degraded: every critical problem was another participant's send side.",
          )
        : undefined,
    ),
    openButton(`Open ${name}'s statistics`, () => open(participant.participantId)),
  );
  item.style.setProperty('--participant', seriesCssColour(participant.colour));
  return item;
}

export function compareHeader(
  payload: ComparePayload,
  names: ReadonlyMap<string, string>,
  open: (participantId: string) => void,
): HTMLElement {
  return el(
    'header',
    {},
    el('h1', { id: 'compare-title' }, payload.sessionTitle || `Session ${payload.sessionId}`),
    el(
      'p',
      { class: 'muted' },
      `Comparing ${payload.participants.length} participants of session `,
      el('span', { class: 'mono' }, payload.sessionId),
      copyButton(payload.sessionId, 'session ID'),
    ),
    el(
      'ul',
      { class: 'chips', id: 'participants', 'aria-label': 'Participants compared' },
      ...payload.participants.map((p) => chip(p, names.get(p.participantId)!, open)),
    ),
  );
}

export function noticeList(notices: readonly string[]): HTMLElement | undefined {
  if (notices.length === 0) return undefined;
  return el(
    'ul',
    { class: 'notices', id: 'notices', 'aria-label': 'Notices' },
    ...notices.map((notice) => el('li', {}, el('span', { class: 'codicon codicon-info', 'aria-hidden': 'true' }), ` ${notice}`)),
  );
}

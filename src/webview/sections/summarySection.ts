/** The answer first: a verdict line and each detected issue with its evidence and what it means. */
import type { PanelAttribution } from '../../shared/messages';
import type { DetectedIssue, Verdict } from '../../shared/model';
import type { WireParticipant } from '../../shared/wire';
import { el } from '../dom';

const SEVERITY_ICONS: Record<DetectedIssue['severity'], string> = { critical: 'error', warning: 'warning', info: 'info' };
export const VERDICT_ICONS: Record<Verdict['level'], string> = { good: 'pass', degraded: 'warning', poor: 'error', unknown: 'question' };

export interface AttributionActions {
  attribution?: PanelAttribution;
  /** A session participant: the panel can send the user to its session's overview. */
  sessionOverview: boolean;
  openParticipant(participantId: string): void;
  openSessionOverview(): void;
}

export function summarySection(
  participant: WireParticipant,
  verdict: Verdict,
  issues: readonly DetectedIssue[],
  onShowWindow: (issue: DetectedIssue) => void,
  who: AttributionActions,
): HTMLElement {
  const verdictLine = el(
    'p',
    { class: `verdict verdict-${verdict.level}`, id: 'verdict' },
    el('span', { class: `codicon codicon-${VERDICT_ICONS[verdict.level]}`, 'aria-hidden': 'true' }),
    ` ${verdict.line}`,
  );
  const list = issues.length
    ? el(
        'ol',
        { class: 'issues', id: 'issues' },
        ...issues.map((issue) => {
          const item = el(
            'li',
            { class: `issue issue-${issue.severity}`, 'data-rule': issue.rule },
            el(
              'div',
              { class: 'issue-title' },
              el('span', { class: `codicon codicon-${SEVERITY_ICONS[issue.severity]}`, 'aria-hidden': 'true' }),
              ` ${issue.title}`,
              el('span', { class: 'visually-hidden' }, ` (${issue.severity})`),
            ),
            el('div', { class: 'evidence' }, issue.evidence),
            el('div', { class: 'explanation' }, issue.explanation),
          );
          // Another participant can cause only what this one received: not its own send side's trouble.
          const causes = issue.received === false ? [] : (who.attribution?.causedBy.filter((entry) => entry.rule === issue.rule) ?? []);
          for (const cause of causes) item.append(causeLine(cause, who));
          if (issue.from !== undefined && issue.to !== undefined) {
            const show = el('button', { type: 'button', class: 'link' }, 'Show on the charts');
            show.addEventListener('click', () => onShowWindow(issue));
            item.append(show);
          }
          return item;
        }),
      )
    : verdict.level === 'unknown'
      ? undefined
      : el('p', { class: 'muted' }, 'No issues detected in the statistics of this answer.');
  // The overview ranks such a call degraded, so that it leads with the senders: said here, or the two disagree.
  const ranking =
    verdict.level === 'poor' && who.attribution?.explainedByOthers
      ? el(
          'p',
          { class: 'muted ranking', id: 'verdict-ranking' },
          "Every critical problem of this call was another participant's send side (see the causes below), so the session overview ranks it Degraded and leads with those senders.",
        )
      : undefined;
  const absent = participant.absent.length
    ? el('p', { class: 'muted absent' }, `Not in this answer: ${participant.absent.join(', ')}.`)
    : undefined;
  return el(
    'section',
    { id: 'summary', 'aria-labelledby': 'summary-title' },
    el('h2', { id: 'summary-title' }, 'Summary'),
    verdictLine,
    ranking,
    list,
    affectedLine(who),
    absent,
  );
}

function participantButton(name: string, participantId: string, who: AttributionActions): HTMLElement {
  const button = el('button', { type: 'button', class: 'link' }, `Open ${name}`);
  button.addEventListener('click', () => who.openParticipant(participantId));
  return button;
}

/** "Caused by Sam Rivera's uplink: 12 % loss 10:03-10:05 UTC" (or "sent video: 8 fps"), an inference said to be one. */
function causeLine(cause: PanelAttribution['causedBy'][number], who: AttributionActions): HTMLElement {
  return el(
    'div',
    { class: `cause${cause.likely ? ' likely' : ''}`, 'data-sender': cause.participantId },
    el('span', { class: 'codicon codicon-arrow-small-right', 'aria-hidden': 'true' }),
    // An inferred cause's evidence says so ("(inferred: …)"); one without says it here.
    ` ${cause.evidence.charAt(0).toUpperCase()}${cause.evidence.slice(1)}${cause.likely && !cause.evidence.includes('inferred') ? ' (an inference)' : ''} `,
    participantButton(cause.name, cause.participantId, who),
  );
}

/** Whom this participant's send side affected; or, without an overview, how to find out. */
function affectedLine(who: AttributionActions): HTMLElement | undefined {
  if (!who.attribution) {
    if (!who.sessionOverview) return undefined;
    const open = el('button', { type: 'button', class: 'link', id: 'open-session-overview' }, 'Open the session overview');
    open.addEventListener('click', () => who.openSessionOverview());
    return el(
      'p',
      { class: 'muted who' },
      'Whether another participant caused these issues (or this one affected others) shows once its session is analysed. ',
      open,
    );
  }
  if (who.attribution.affected.length === 0) return undefined;
  const byPerson = new Map<string, { name: string; rules: string[] }>();
  for (const effect of who.attribution.affected) {
    const entry = byPerson.get(effect.participantId) ?? { name: effect.name, rules: [] };
    if (!entry.rules.includes(effect.rule)) entry.rules.push(effect.rule);
    byPerson.set(effect.participantId, entry);
  }
  return el(
    'div',
    { class: 'affected', id: 'affected' },
    el('p', {}, `Its send-side problems affected ${byPerson.size} other participant${byPerson.size === 1 ? '' : 's'}:`),
    el(
      'ul',
      {},
      ...[...byPerson.entries()].map(([participantId, entry]) =>
        el('li', {}, `${entry.name} (${entry.rules.join(', ')}) `, participantButton(entry.name, participantId, who)),
      ),
    ),
  );
}

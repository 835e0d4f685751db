/** The answer first: a verdict line and each detected issue with its evidence and what it means. */
import type { DetectedIssue, Verdict } from '../../shared/model';
import type { WireParticipant } from '../../shared/wire';
import { el } from '../dom';

const SEVERITY_ICONS: Record<DetectedIssue['severity'], string> = { critical: 'error', warning: 'warning', info: 'info' };
export const VERDICT_ICONS: Record<Verdict['level'], string> = { good: 'pass', degraded: 'warning', poor: 'error', unknown: 'question' };

export function summarySection(
  participant: WireParticipant,
  verdict: Verdict,
  issues: readonly DetectedIssue[],
  onShowWindow: (issue: DetectedIssue) => void,
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
  const absent = participant.absent.length
    ? el('p', { class: 'muted absent' }, `Not in this answer: ${participant.absent.join(', ')}.`)
    : undefined;
  return el(
    'section',
    { id: 'summary', 'aria-labelledby': 'summary-title' },
    el('h2', { id: 'summary-title' }, 'Summary'),
    verdictLine,
    list,
    absent,
  );
}

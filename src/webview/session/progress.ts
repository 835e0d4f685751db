/** How far the analysis is: "Analysed 34 of 60" with Stop, the offer to analyse all, live re-reading. */
import type { SessionProgress, SessionWebviewToHost } from '../../shared/session';
import { actionButton } from '../button';
import { el } from '../dom';

const button = (label: string, icon: string, id: string, onClick: () => void, primary = false) =>
  actionButton(label, icon, onClick, { id }, { primary });

const about = (seconds: number) => (seconds < 90 ? `${Math.max(1, Math.round(seconds))} s` : `${Math.round(seconds / 60)} min`);

/** How much is analysed, as a bar that fills: a spinning icon said only that something was going on. */
function meter(analysed: number, total: number): HTMLElement {
  const fill = el('span', { class: 'progress-meter-fill', style: `width: ${(100 * Math.min(analysed, total)) / total}%` });
  return el(
    'span',
    {
      class: 'progress-meter',
      role: 'progressbar',
      'aria-label': 'Participants analysed',
      'aria-valuemin': '0',
      'aria-valuemax': String(total),
      'aria-valuenow': String(analysed),
    },
    fill,
  );
}

export function progressView(progress: SessionProgress, post: (message: SessionWebviewToHost) => void): HTMLElement {
  const parts: HTMLElement[] = [];
  if (progress.total > 0) {
    const line = el(
      'p',
      { class: 'progress-line', id: 'progress' },
      progress.running ? meter(progress.analysed, progress.total) : undefined,
      ` Analysed ${progress.analysed} of ${progress.total}`,
    );
    if (progress.running)
      line.append(
        ' ',
        button('Stop', 'debug-stop', 'stop', () => post({ type: 'stop' })),
      );
    parts.push(line);
  }
  const pending = progress.pendingAnalyseAll;
  if (pending) {
    parts.push(
      el(
        'div',
        { class: 'notice', id: 'analyse-all-notice' },
        el('span', { class: 'codicon codicon-info', 'aria-hidden': 'true' }),
        el(
          'span',
          {},
          pending.participants === 1
            ? ` 1 participant is not analysed yet. Analysing it takes ${pending.requests.toLocaleString('en-US')} requests, about ${about(pending.estimatedSeconds)}.`
            : ` ${pending.participants.toLocaleString('en-US')} participants are not analysed yet. Analysing them all takes ${pending.requests.toLocaleString('en-US')} requests, about ${about(pending.estimatedSeconds)}.`,
        ),
        button('Analyse all', 'play', 'analyse-all', () => post({ type: 'analyseAll' }), true),
      ),
    );
  }
  const live = progress.live;
  if (live) {
    const text = live.polling ? `Live: re-reading every ${live.everySeconds} s` : 'Live: re-reading paused';
    const lastMs = Date.parse(live.lastReadAt ?? '');
    const last = Number.isNaN(lastMs) ? '' : ` (last read ${new Date(lastMs).toISOString().slice(11, 19)} UTC)`;
    parts.push(
      el(
        'p',
        { class: 'live-line', id: 'live' },
        el('span', { class: `codicon codicon-${live.polling ? 'broadcast' : 'debug-pause'}`, 'aria-hidden': 'true' }),
        ` ${text}${last} `,
        live.polling
          ? button('Pause', 'debug-pause', 'live-toggle', () => post({ type: 'setLivePolling', polling: false }))
          : button('Resume', 'debug-continue', 'live-toggle', () => post({ type: 'setLivePolling', polling: true })),
      ),
    );
  }
  return el('div', { class: 'progress' }, ...parts);
}

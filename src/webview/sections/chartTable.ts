/** The table view of a chart, for screen readers and copying figures. Rows are added in pages. */
import { formatTime } from '../../shared/format';
import type { ChartModel } from '../charts/chartData';
import { el } from '../dom';

const PAGE = 500;

export function chartTable(model: ChartModel): HTMLElement {
  const caption = el('caption', {}, `${model.metric.title} (${model.metric.unit}) by time`);
  const head = el(
    'thead',
    {},
    el('tr', {}, el('th', { scope: 'col' }, 'Time (UTC)'), ...model.series.map((series) => el('th', { scope: 'col' }, series.label))),
  );
  const body = el('tbody');
  const table = el('table', { class: 'data-table' }, caption, head, body);
  const more = el('button', { type: 'button', class: 'more' });
  let shown = 0;
  const showMore = () => {
    const end = Math.min(model.x.length, shown + PAGE);
    const rows: HTMLElement[] = [];
    for (let i = shown; i < end; i++) {
      rows.push(
        el(
          'tr',
          {},
          el('td', {}, formatTime(new Date(model.x[i] * 1000).toISOString())),
          ...model.series.map((series) =>
            el('td', {}, Number.isNaN(series.values[i]) ? '–' : String(Math.round(series.values[i] * 100) / 100)),
          ),
        ),
      );
    }
    body.append(...rows);
    shown = end;
    more.textContent = `Show ${Math.min(PAGE, model.x.length - shown)} more rows (${shown} of ${model.x.length} shown)`;
    more.hidden = shown >= model.x.length;
  };
  more.addEventListener('click', showMore);
  showMore();
  return el('div', { class: 'table-view' }, table, more);
}

/**
 * The participant table: a virtualised ARIA grid (only the rows in view exist), sortable by every
 * column, filtered by text, one focusable row at a time (roving tabindex) moved with the arrow keys,
 * Home/End and PageUp/PageDown; Enter opens the participant, Space ticks it for Compare.
 */
import type { ParticipantRow, SessionWebviewToHost } from '../../shared/session';
import { el } from '../dom';
import { COLUMNS, GRID_TEMPLATE, type CellContext, type Column } from './columns';
import { compareBar } from './compareBar';
import { filterRows } from './filterRows';
import type { SessionPanelState } from './sessionApi';
import { rowName, sortRows } from './sortRows';
import { VirtualList } from './virtualList';

const ROW_HEIGHT = 28;

export interface TableOptions {
  /** Read and updated in place; `saveState` is called after each change. */
  state: SessionPanelState;
  saveState(): void;
  post(message: SessionWebviewToHost): void;
  /** The filtered rows in table order, e.g. for the timeline's lanes. */
  onViewChange(rows: readonly ParticipantRow[]): void;
}

export interface TableView {
  element: HTMLElement;
  /** `replaced`: the host sent the full list, so ticks of participants no longer in it are dropped. */
  setRows(rows: readonly ParticipantRow[], replaced: boolean): void;
}

export function participantTable(options: TableOptions): TableView {
  const { state } = options;
  let all: readonly ParticipantRow[] = [];
  let view: ParticipantRow[] = [];
  let viewIndex = new Map<string, number>();
  let names = new Map<string, string>();
  const selection = new Set(state.selected);
  let scrollRestored = false;

  const filter = el('input', {
    type: 'search',
    id: 'session-filter',
    class: 'filter',
    placeholder: 'name, ID, preset, browser, OS, issue, verdict',
    'aria-controls': 'participants',
    spellcheck: 'false',
  });
  filter.value = state.filter;
  const count = el('span', { class: 'muted count', 'aria-live': 'polite' });
  const compare = compareBar(
    () => options.post({ type: 'compare', participantIds: [...selection] }),
    () => {
      for (const id of [...selection]) setTicked(id, false);
    },
  );
  const headerCells = COLUMNS.map((column) => headerCell(column));
  const header = el(
    'div',
    { role: 'rowgroup', class: 'grid-head' },
    el(
      'div',
      { role: 'row', class: 'row head', 'aria-rowindex': '1', style: `grid-template-columns: ${GRID_TEMPLATE}` },
      el('div', { role: 'columnheader', class: 'cell select' }, el('span', { class: 'visually-hidden' }, 'Ticked for Compare')),
      ...headerCells,
    ),
  );
  const body = el('div', { role: 'rowgroup', class: 'grid-body' });
  const scroller = el(
    'div',
    {
      role: 'grid',
      id: 'participants',
      class: 'grid',
      'aria-label': 'Participants',
      'aria-colcount': String(COLUMNS.length + 1),
      'aria-multiselectable': 'true',
    },
    header,
    body,
  );
  const empty = el('p', { class: 'muted empty', hidden: '' });

  const activeIndex = () => (state.activeId !== undefined ? (viewIndex.get(state.activeId) ?? 0) : 0);
  const context = (active: boolean): CellContext => ({
    nameOf: (id) => names.get(id),
    active,
    onOpen: (row) => options.post({ type: 'openParticipant', participantId: row.participantId }),
    onRetry: (row) => options.post({ type: 'retry', participantId: row.participantId }),
  });

  const list = new VirtualList<ParticipantRow>({
    scroller,
    body,
    rowHeight: ROW_HEIGHT,
    overscan: 3,
    key: (row) => row.participantId,
    render: renderRow,
    moved: (element, index) => {
      element.setAttribute('aria-rowindex', String(index + 2));
      markActive(element, index === activeIndex());
    },
    pinned: activeIndex,
  });

  function renderRow(row: ParticipantRow, index: number): HTMLElement {
    const active = index === activeIndex();
    const ticked = selection.has(row.participantId);
    const checkbox = el('input', { type: 'checkbox', tabindex: active ? '0' : '-1', 'aria-label': `Tick ${rowName(row)} for Compare` });
    checkbox.checked = ticked;
    checkbox.addEventListener('change', () => setTicked(row.participantId, checkbox.checked));
    const cellContext = context(active);
    return el(
      'div',
      {
        role: 'row',
        class: `row state-${row.state}`,
        tabindex: active ? '0' : '-1',
        'aria-rowindex': String(index + 2),
        'aria-selected': String(ticked),
        'data-id': row.participantId,
        style: `grid-template-columns: ${GRID_TEMPLATE}`,
      },
      el('div', { role: 'gridcell', class: 'cell select' }, checkbox),
      ...COLUMNS.map((column) => {
        const content = column.cell(row, cellContext);
        return el(
          'div',
          {
            role: 'gridcell',
            class: `cell col-${column.id}${column.numeric ? ' numeric' : ''}`,
            title: typeof content === 'string' && content ? content : undefined,
          },
          content,
        );
      }),
    );
  }

  function markActive(element: HTMLElement, active: boolean): void {
    const tabIndex = active ? 0 : -1;
    element.tabIndex = tabIndex;
    element.querySelectorAll<HTMLElement>('input, button').forEach((control) => (control.tabIndex = tabIndex));
  }

  function setActive(index: number, focus: boolean): void {
    if (view.length === 0) return;
    const next = Math.max(0, Math.min(view.length - 1, index));
    const previous = list.element(activeIndex());
    if (previous) markActive(previous, false);
    state.activeId = view[next].participantId;
    list.reveal(next);
    const element = list.element(next);
    if (element) {
      markActive(element, true);
      if (focus) element.focus({ preventScroll: true });
    }
    options.saveState();
  }

  function setTicked(id: string, ticked: boolean): void {
    if (ticked) selection.add(id);
    else selection.delete(id);
    const index = viewIndex.get(id);
    const element = index === undefined ? undefined : list.element(index);
    if (element) {
      element.setAttribute('aria-selected', String(ticked));
      const checkbox = element.querySelector('input');
      if (checkbox) checkbox.checked = ticked;
    }
    state.selected = [...selection];
    compare.update(selection.size);
    options.saveState();
  }

  function headerCell(column: Column): HTMLElement {
    const button = el(
      'button',
      { type: 'button', class: 'sort', 'data-column': column.id },
      column.label,
      el('span', { class: 'codicon sort-icon', 'aria-hidden': 'true' }),
    );
    button.addEventListener('click', () => {
      state.sort =
        state.sort.column === column.id
          ? { column: column.id, descending: !state.sort.descending }
          : { column: column.id, descending: column.firstDescending === true };
      recompute();
      options.saveState();
    });
    return el('div', { role: 'columnheader', class: `cell col-${column.id}${column.numeric ? ' numeric' : ''}` }, button);
  }

  function showSort(): void {
    COLUMNS.forEach((column, index) => {
      const cell = headerCells[index];
      const sorted = state.sort.column === column.id;
      cell.setAttribute('aria-sort', sorted ? (state.sort.descending ? 'descending' : 'ascending') : 'none');
      const icon = cell.querySelector('.sort-icon')!;
      icon.className = `codicon sort-icon${sorted ? (state.sort.descending ? ' codicon-arrow-down' : ' codicon-arrow-up') : ''}`;
    });
  }

  // Sorted once per sort or data change; a keystroke in the filter then only filters (order is kept).
  let sorted: { rows: readonly ParticipantRow[]; sort: string; result: ParticipantRow[] } | undefined;
  function sortedRows(): ParticipantRow[] {
    const sort = `${state.sort.column}:${state.sort.descending}`;
    if (sorted?.rows !== all || sorted.sort !== sort) sorted = { rows: all, sort, result: sortRows(all, state.sort) };
    return sorted.result;
  }

  function recompute(): void {
    view = filterRows(sortedRows(), state.filter);
    viewIndex = new Map(view.map((row, index) => [row.participantId, index]));
    scroller.setAttribute('aria-rowcount', String(view.length + 1));
    showSort();
    count.textContent =
      view.length === all.length
        ? `${all.length.toLocaleString('en-US')} participants`
        : `Showing ${view.length.toLocaleString('en-US')} of ${all.length.toLocaleString('en-US')} participants`;
    empty.hidden = view.length > 0;
    empty.textContent = all.length === 0 ? 'No participants yet.' : `No participant matches “${state.filter.trim()}”.`;
    list.setItems(view);
    // The active row may have been filtered out: the first row then takes the Tab stop.
    const active = list.element(activeIndex());
    if (active) markActive(active, true);
    options.onViewChange(view);
  }

  body.addEventListener('click', (event) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[role="row"]');
    const index = row?.dataset.id === undefined ? undefined : viewIndex.get(row.dataset.id);
    if (index !== undefined && !(event.target as HTMLElement).closest('input, button')) setActive(index, true);
  });
  body.addEventListener('dblclick', (event) => {
    const id = (event.target as HTMLElement).closest<HTMLElement>('[role="row"]')?.dataset.id;
    if (id !== undefined && !(event.target as HTMLElement).closest('input, button'))
      options.post({ type: 'openParticipant', participantId: id });
  });
  body.addEventListener('keydown', (event) => {
    const onRow = (event.target as HTMLElement).getAttribute('role') === 'row';
    const index = activeIndex();
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: view.length - 1,
      PageDown: index + list.pageSize(),
      PageUp: index - list.pageSize(),
    };
    if (event.key in moves) {
      setActive(moves[event.key], true);
    } else if (event.key === 'Enter' && onRow && view[index]) {
      options.post({ type: 'openParticipant', participantId: view[index].participantId });
    } else if (event.key === ' ' && onRow && view[index]) {
      setTicked(view[index].participantId, !selection.has(view[index].participantId));
    } else {
      return;
    }
    event.preventDefault();
  });
  filter.addEventListener('input', () => {
    state.filter = filter.value;
    recompute();
    options.saveState();
  });
  let scrollTimer: ReturnType<typeof setTimeout> | undefined;
  scroller.addEventListener('scroll', () => {
    clearTimeout(scrollTimer);
    scrollTimer = setTimeout(() => {
      state.scrollTop = scroller.scrollTop;
      options.saveState();
    }, 200);
  });

  compare.update(selection.size);
  const element = el(
    'section',
    { id: 'participants-section', 'aria-labelledby': 'participants-title' },
    el('h2', { id: 'participants-title' }, 'Participants'),
    el('div', { class: 'table-toolbar' }, el('label', { for: 'session-filter' }, 'Filter'), filter, count),
    compare.element,
    el(
      'p',
      { class: 'muted hint' },
      'Worst first. Click a column to sort, again to reverse. In the table: arrow keys, Home/End and Page Up/Down move, Enter opens a participant, Space ticks it for Compare.',
    ),
    scroller,
    empty,
  );

  return {
    element,
    setRows(rows, replaced) {
      all = rows;
      names = new Map(rows.map((row) => [row.participantId, rowName(row)]));
      if (replaced) {
        for (const id of [...selection]) if (!names.has(id)) setTicked(id, false);
      }
      recompute();
      if (!scrollRestored && rows.length > 0) {
        scrollRestored = true;
        list.scrollTo(state.scrollTop);
      }
    },
  };
}

/** The selection for Compare: "Compare (n)", enabled for 2 to 8 ticked participants, saying why otherwise. */
import { MAX_COMPARED, MIN_COMPARED } from '../../shared/compare';
import { actionButton } from '../button';
import { el } from '../dom';
import { compareHint } from './compareHint';

export interface CompareBar {
  element: HTMLElement;
  update(count: number): void;
}

export function compareBar(onCompare: () => void, onClear: () => void): CompareBar {
  const button = actionButton(
    'Compare (0)',
    'split-horizontal',
    onCompare,
    { id: 'compare', 'aria-describedby': 'compare-hint' },
    { primary: true },
  );
  const label = button.querySelector('.button-label')!;
  const hint = el('span', { id: 'compare-hint', class: 'muted' });
  const clear = el('button', { type: 'button', class: 'link', id: 'clear-selection' }, 'Clear selection');
  clear.addEventListener('click', onClear);
  return {
    element: el('div', { class: 'compare-bar' }, button, hint, clear),
    update(count) {
      label.textContent = `Compare (${count})`;
      // A disabled button gets no click and no focus; the hint beside it says why.
      button.disabled = count < MIN_COMPARED || count > MAX_COMPARED;
      hint.textContent = compareHint(count);
      clear.hidden = count === 0;
    },
  };
}

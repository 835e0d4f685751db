/** The selection for Compare: "Compare (n)", enabled for 2 to 8 ticked participants, saying why otherwise. */
import { MAX_COMPARED, MIN_COMPARED } from '../../shared/compare';
import { el } from '../dom';
import { compareHint } from './compareHint';

export interface CompareBar {
  element: HTMLElement;
  update(count: number): void;
}

export function compareBar(onCompare: () => void, onClear: () => void): CompareBar {
  const button = el('vscode-button', { id: 'compare', icon: 'split-horizontal', 'aria-describedby': 'compare-hint' });
  const hint = el('span', { id: 'compare-hint', class: 'muted' });
  const clear = el('button', { type: 'button', class: 'link', id: 'clear-selection' }, 'Clear selection');
  button.addEventListener('click', () => {
    if (!button.hasAttribute('disabled')) onCompare();
  });
  clear.addEventListener('click', onClear);
  return {
    element: el('div', { class: 'compare-bar' }, button, hint, clear),
    update(count) {
      button.textContent = `Compare (${count})`;
      button.toggleAttribute('disabled', count < MIN_COMPARED || count > MAX_COMPARED);
      hint.textContent = compareHint(count);
      clear.hidden = count === 0;
    },
  };
}

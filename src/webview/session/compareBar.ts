/** The selection for Compare: "Compare (n)", enabled for 2 to 8 ticked participants, saying why otherwise. */
import { el } from '../dom';

const COMPARE_MIN = 2;
const COMPARE_MAX = 8;

export function compareHint(count: number): string {
  if (count < COMPARE_MIN) return `Tick ${COMPARE_MIN} to ${COMPARE_MAX} participants (Space on a row) to compare them.`;
  if (count > COMPARE_MAX) return `Compare shows at most ${COMPARE_MAX}: untick ${count - COMPARE_MAX}.`;
  return `${count} participants ticked.`;
}

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
      button.toggleAttribute('disabled', count < COMPARE_MIN || count > COMPARE_MAX);
      hint.textContent = compareHint(count);
      clear.hidden = count === 0;
    },
  };
}

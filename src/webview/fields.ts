/** Label/value tables and badges used by every section. Values are always text. */
import { actionButton } from './button';
import { el } from './dom';
import { vscode } from './vscodeApi';

export type FieldValue = string | number | boolean | undefined | null;

export function copyButton(value: string | (() => void), label: string): HTMLElement {
  const copy = typeof value === 'string' ? () => vscode.postMessage({ type: 'copy', text: value }) : value;
  return actionButton(undefined, 'copy', copy, { title: `Copy ${label}`, 'aria-label': `Copy ${label}`, class: 'copy' });
}

export function display(value: FieldValue): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(Math.round(value * 100) / 100);
  return value;
}

/** Rows with no value are left out; `copy` adds a copy button beside the value. */
export function fieldTable(
  rows: Array<{ label: string; value: FieldValue; copy?: boolean; badge?: HTMLElement; mono?: boolean }>,
): HTMLElement | undefined {
  const body = el('tbody');
  for (const row of rows) {
    const text = display(row.value);
    if (text === undefined && !row.badge) continue;
    body.append(
      el(
        'tr',
        {},
        el('th', { scope: 'row' }, row.label),
        el(
          'td',
          {},
          row.badge,
          text !== undefined ? el('span', { class: row.mono || row.copy ? 'mono' : undefined }, text) : undefined,
          row.copy && text ? copyButton(text, row.label) : undefined,
        ),
      ),
    );
  }
  return body.childElementCount > 0 ? el('table', { class: 'fields' }, body) : undefined;
}

export function badge(kind: 'pass' | 'fail' | 'warn' | 'info', text: string): HTMLElement {
  const icon = { pass: 'pass', fail: 'error', warn: 'warning', info: 'info' }[kind];
  return el('span', { class: `badge badge-${kind}` }, el('span', { class: `codicon codicon-${icon}`, 'aria-hidden': 'true' }), ` ${text}`);
}

export function passFail(value: boolean | undefined, passText = 'pass', failText = 'fail'): HTMLElement | undefined {
  if (value === undefined) return undefined;
  return value ? badge('pass', passText) : badge('fail', failText);
}

export function section(id: string, title: string, ...content: (Node | undefined)[]): HTMLElement {
  const present = content.filter((node): node is Node => node !== undefined);
  return el(
    'section',
    { id, 'aria-labelledby': `${id}-title` },
    el('h2', { id: `${id}-title` }, title),
    ...(present.length ? present : [el('p', { class: 'muted' }, 'Not in this answer.')]),
  );
}

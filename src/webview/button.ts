/**
 * A native button that looks like VS Code's button (secondary unless `primary`), with a codicon before
 * its label (none: an icon button, named by `aria-label`). Native rather than a web component: no shadow
 * root, no component library in the bundle, ready with the first paint. (@vscode-elements' buttons put
 * a <link> to the panel's whole stylesheet in each icon's shadow root, and every one of those is a
 * request through the webview's service worker to the extension host: the session overview made one
 * per progress update.)
 */
import { el } from './dom';

export function actionButton(
  label: string | undefined,
  icon: string,
  onClick: () => void,
  attributes: Record<string, string | undefined> = {},
  options: { primary?: boolean } = {},
): HTMLButtonElement {
  const classes = ['button', label ? undefined : 'icon-only', options.primary ? 'primary' : undefined, attributes.class];
  const button = el(
    'button',
    { type: 'button', ...attributes, class: classes.filter(Boolean).join(' ') },
    el('span', { class: `codicon codicon-${icon}`, 'aria-hidden': 'true' }),
    label === undefined ? undefined : el('span', { class: 'button-label' }, label),
  );
  button.addEventListener('click', onClick);
  return button;
}

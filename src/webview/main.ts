/** Entry point of the stats panel webview. */
import type { HostToWebview } from '../shared/messages';
import { el } from './dom';
import { renderParticipant } from './participantView';
import { vscode } from './vscodeApi';
import './styles.css';

const root = document.getElementById('app')!;

window.addEventListener('message', (event: MessageEvent<HostToWebview>) => {
  const message = event.data;
  switch (message?.type) {
    case 'show':
      renderParticipant(root, message.payload);
      vscode.postMessage({ type: 'rendered', id: message.payload.participant.id });
      break;
    case 'loading':
      root.replaceChildren(el('p', { class: 'muted' }, `Loading ${message.title}…`));
      break;
    case 'error':
      root.replaceChildren(el('p', { class: 'error', role: 'alert' }, message.message));
      break;
  }
});

vscode.postMessage({ type: 'ready' });

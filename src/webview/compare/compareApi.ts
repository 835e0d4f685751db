/**
 * The compare webview's side of the message channel, typed with the compare contract. A webview may
 * call acquireVsCodeApi only once, so this reuses the handle from ../vscodeApi (which ../fields also
 * posts 'copy' through, a message both contracts share).
 */
import type { CompareWebviewToHost } from '../../shared/compare';
import { vscode } from '../vscodeApi';
import type { ComparePanelState } from './compareState';

interface CompareVsCodeApi {
  postMessage(message: CompareWebviewToHost): void;
  getState(): unknown;
  setState(state: ComparePanelState): void;
}

export const compareApi = vscode as unknown as CompareVsCodeApi;

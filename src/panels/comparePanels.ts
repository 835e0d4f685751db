/**
 * Hosts the realtimekit.compare webviews: 2 to 8 participants of one session on shared charts. One
 * panel per session and set of participants (revealed when asked again). Statistics an open session
 * overview already holds are reused; the rest are fetched through the request scheduler.
 */
import * as vscode from 'vscode';
import type { RealtimeKitClient, Scope } from '../api/client';
import { text } from '../api/coerce';
import type { RequestScheduler } from '../api/scheduler';
import { executeCommand } from '../common/commands';
import type { Logger } from '../common/logger';
import { sessionParticipantStatistics, type SessionParticipantStatistics } from '../inspection/peerReports';
import { comparePayload, type CompareInput } from '../sessionAnalysis/comparePayload';
import { isCompareWebviewToHost, type CompareHostToWebview, type ComparePayload, type CompareWebviewToHost } from '../shared/compare';
import { errorMessage } from '../shared/errorMessage';
import { sessionKey } from '../inspection/inspectionTarget';
import { packComparePayload } from '../shared/packColumns';
import { WebviewHandshake } from './webviewHandshake';
import { postToWebview, webviewDocument, webviewPanelOptions } from './webviewPanel';

export const COMPARE_VIEW_TYPE = 'realtimekit.compare';

export interface CompareResult {
  sessionId: string;
  participants: Array<{ participantId: string; displayName?: string; verdict: string }>;
}

export interface ComparePanelDeps {
  client: () => RealtimeKitClient;
  scheduler: RequestScheduler;
  /** Statistics an open session overview already has, so comparing from it costs no request. */
  knownStatistics: (scope: Scope, sessionId: string, participantId: string) => SessionParticipantStatistics | undefined;
  /** Whether an open overview of the session ranks the participant's poor call degraded (someone else caused it). */
  explainedByOthers: (scope: Scope, sessionId: string, participantId: string) => boolean;
}

interface OpenCompare {
  panel: vscode.WebviewPanel;
  scope: Scope;
  handshake: WebviewHandshake;
  payload?: ComparePayload;
}

export class ComparePanels implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private readonly open = new Map<string, OpenCompare>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly deps: ComparePanelDeps,
    private readonly log: Logger,
  ) {}

  async show(
    scope: Scope,
    sessionId: string,
    participantIds: readonly string[],
    signal: AbortSignal,
    progress: (message: string) => void,
  ): Promise<CompareResult | undefined> {
    const key = `${sessionKey(scope, sessionId)}/${[...participantIds].sort().join(',')}`;
    let entry = this.open.get(key);
    if (entry?.payload) {
      entry.panel.reveal(undefined, false);
      return resultOf(entry.payload);
    }
    const payload = await this.load(scope, sessionId, participantIds, signal, progress);
    if (signal.aborted) return undefined;
    if (!entry) {
      const panel = vscode.window.createWebviewPanel(
        COMPARE_VIEW_TYPE,
        compareTitle(payload),
        vscode.ViewColumn.Active,
        webviewPanelOptions(this.extensionUri),
      );
      entry = this.adopt(key, scope, panel);
    }
    entry.payload = payload;
    const ready = await entry.handshake.whenReady();
    if (ready === 'disposed') return undefined;
    if (ready === 'timeout') {
      // Webviews can be slow to start (seen in code-server): it gets the payload when it says it is ready.
      this.log.warn(`The compare panel "${entry.panel.title}" did not start in time; its charts come when it does.`);
      return resultOf(payload);
    }
    const rendered = entry.handshake.nextRender();
    await this.post(entry.panel, { type: 'show', payload });
    if ((await rendered) === 'disposed') return undefined;
    return resultOf(payload);
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const restore = (state as { restore?: Record<string, unknown> } | undefined)?.restore;
    panel.webview.options = webviewPanelOptions(this.extensionUri);
    const ids = restore?.participantIds;
    if (
      typeof restore?.accountId !== 'string' ||
      typeof restore.appId !== 'string' ||
      typeof restore.sessionId !== 'string' ||
      !Array.isArray(ids) ||
      !ids.every((id) => typeof id === 'string')
    ) {
      panel.webview.html = webviewDocument(panel, this.extensionUri, 'compare', 'RealtimeKit compare');
      void this.post(panel, {
        type: 'error',
        message: 'This comparison cannot be restored: compare the participants again from the session overview.',
      });
      return;
    }
    // Closed and opened again by the command, which fetches the data again.
    panel.dispose();
    void executeCommand('realtimekit.compareParticipants', {
      accountId: restore.accountId,
      appId: restore.appId,
      sessionId: restore.sessionId,
      participantIds: ids as string[],
    });
  }

  dispose(): void {
    for (const entry of this.open.values()) entry.panel.dispose();
    this.open.clear();
  }

  private async load(
    scope: Scope,
    sessionId: string,
    participantIds: readonly string[],
    signal: AbortSignal,
    progress: (message: string) => void,
  ): Promise<ComparePayload> {
    const client = this.deps.client();
    const session = client.getSession(scope, sessionId, { signal }).catch(() => undefined);
    let done = 0;
    const inputs = await Promise.all(
      participantIds.map(async (participantId): Promise<CompareInput> => {
        const known = this.deps.knownStatistics(scope, sessionId, participantId);
        try {
          const statistics =
            known ?? (await sessionParticipantStatistics(client, this.deps.scheduler, scope, { sessionId, participantId }, { signal }));
          const { displayName, peers } = statistics.participant;
          const explainedByOthers = this.deps.explainedByOthers(scope, sessionId, participantId);
          return { participantId, displayName, peerIds: peers.map((peer) => peer.peerId), statistics, explainedByOthers };
        } catch (error) {
          this.log.warn(`Compare: ${participantId}: ${errorMessage(error)}`);
          return { participantId, peerIds: [], error: errorMessage(error) };
        } finally {
          done += 1;
          progress(`${done} of ${participantIds.length} participants read`);
        }
      }),
    );
    const raw = await session;
    // One buffer for every column: a webview message loses the buffers past its 253rd.
    return packComparePayload(comparePayload(scope, { sessionId, title: text(raw?.meeting_display_name) }, inputs));
  }

  private adopt(key: string, scope: Scope, panel: vscode.WebviewPanel): OpenCompare {
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'realtimekit.svg');
    const entry: OpenCompare = { panel, scope, handshake: new WebviewHandshake(panel) };
    panel.webview.onDidReceiveMessage((message: unknown) => {
      if (isCompareWebviewToHost(message)) this.receive(entry, message);
      else this.log.warn('Ignored a malformed message from a compare panel.');
    });
    panel.onDidDispose(() => {
      if (this.open.get(key) === entry) this.open.delete(key);
    });
    panel.webview.html = webviewDocument(panel, this.extensionUri, 'compare', panel.title);
    this.open.set(key, entry);
    return entry;
  }

  private receive(entry: OpenCompare, message: CompareWebviewToHost): void {
    switch (message.type) {
      case 'ready':
        // A webview that starts late or again gets the payload; a show() waiting for it posts it itself.
        if (!entry.handshake.markReady() && entry.payload) void this.post(entry.panel, { type: 'show', payload: entry.payload });
        break;
      case 'rendered':
        entry.handshake.markRendered();
        break;
      case 'openParticipant':
        if (entry.payload)
          void executeCommand('realtimekit.showSessionParticipant', {
            ...entry.scope,
            sessionId: entry.payload.sessionId,
            participantId: message.participantId,
          });
        break;
      case 'copy':
        void vscode.env.clipboard.writeText(message.text).then(() => vscode.window.setStatusBarMessage('RealtimeKit: copied', 2000));
        break;
      default:
        message satisfies never;
    }
  }

  private async post(panel: vscode.WebviewPanel, message: CompareHostToWebview): Promise<void> {
    await postToWebview(panel, message);
  }
}

function compareTitle(payload: ComparePayload): string {
  const names = payload.participants.map((participant) => participant.displayName ?? participant.participantId.slice(0, 8));
  return `Compare: ${names.slice(0, 3).join(', ')}${names.length > 3 ? ` +${names.length - 3}` : ''}`;
}

function resultOf(payload: ComparePayload): CompareResult {
  return {
    sessionId: payload.sessionId,
    participants: payload.participants.map((participant) => ({
      participantId: participant.participantId,
      ...(participant.displayName !== undefined ? { displayName: participant.displayName } : {}),
      verdict: participant.verdict.level,
    })),
  };
}

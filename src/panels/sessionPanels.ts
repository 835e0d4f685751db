/**
 * Hosts the realtimekit.session webviews: one session overview per session (revealed, not duplicated,
 * when asked twice). The SessionOverviewRun does the work; this posts what changed to the webview (at
 * most ten times a second), answers its buttons, re-reads a LIVE session every 15 s while the panel is
 * visible, exports the Markdown report, and reports participants' verdicts to the explorer.
 */
import * as vscode from 'vscode';
import type { RealtimeKitClient, Scope } from '../api/client';
import { isCancellation } from '../api/errors';
import { fanOutController, type RequestScheduler } from '../api/scheduler';
import { executeCommand } from '../common/commands';
import type { Logger } from '../common/logger';
import { errorMessage } from '../shared/errorMessage';
import type { PanelAttribution } from '../shared/messages';
import type { SessionParticipantStatistics } from '../inspection/peerReports';
import {
  isSessionWebviewToHost,
  tableInParts,
  type ParticipantRow,
  type SessionHostToWebview,
  type SessionOverviewResult,
  type SessionResource,
  type SessionWebviewToHost,
} from '../shared/session';
import { sendSideOf } from '../sessionAnalysis/problemWindows';
import { peerNamesOf } from '../shared/peerNames';
import { LIVE_POLL_SECONDS, SessionOverviewRun } from '../sessionAnalysis/sessionOverviewRun';
import { sessionKey } from '../inspection/inspectionTarget';
import { WebviewHandshake, type WaitOutcome } from './webviewHandshake';
import { postToWebview, webviewDocument, webviewPanelOptions } from './webviewPanel';

export const SESSION_VIEW_TYPE = 'realtimekit.session';
/**
 * Rows that changed go to the webview (and verdicts to the tree) at most this often: each batch costs
 * the workbench and the webview a repaint, on the cores the analysis needs. Measured turn about in the
 * host, 100 participants' overview, two runs of 6 a side: 1.76x and 1.69x its bound with 100 ms, 1.57x
 * and 1.61x with 250.
 */
const FLUSH_MS = 250;
/**
 * How often the notification's bar moves. VS Code eases each move of a determinate bar over 100 ms,
 * and each of its frames repainted the whole workbench in a trace of the overview (headless Chromium,
 * no GPU): moved every 250 ms, that was most of 206 frames in 6 s. The panel's own bar keeps FLUSH_MS.
 */
const NOTIFICATION_PROGRESS_MS = 1000;
/** Rows per message when the whole table is sent. */
const ROWS_PER_MESSAGE = 400;

export interface SessionPanelDeps {
  client: () => RealtimeKitClient;
  scheduler: RequestScheduler;
  autoAnalyseLimit: () => number;
  /** Participants analysed: the explorer shows their verdicts. */
  onRows: (scope: Scope, sessionId: string, rows: readonly ParticipantRow[]) => void;
  /** The session's overview closed: what it told other panels (who affected whom, names) no longer holds. */
  onClosed: (scope: Scope, sessionId: string) => void;
}

/** What opening reports while it works, for the command's progress notification: a message, and percent done since the last report. */
export type OpenProgress = (message: string, increment?: number) => void;

interface OpenOverview {
  panel: vscode.WebviewPanel;
  scope: Scope;
  sessionId: string;
  handshake: WebviewHandshake;
  run: SessionOverviewRun;
  opened: boolean;
  pending: Set<string>;
  flushTimer?: ReturnType<typeof setTimeout>;
  resources?: SessionResource[];
  polling: boolean;
  pollTimer?: ReturnType<typeof setInterval>;
  disposed: AbortController;
  /** When opening and analysing happened, for the log and the benchmark. */
  times?: OverviewTimes;
}

/** One opening of an overview (Date.now() values): list read, list painted, analysis done. */
export interface OverviewTimes {
  sessionId: string;
  participants: number;
  startedAt: number;
  listReadAt?: number;
  listPaintedAt?: number;
  analysisStartedAt?: number;
  /** The first analysed row posted to the table: when the user starts seeing who had a bad call. */
  firstVerdictAt?: number;
  analysisDoneAt?: number;
}

export class SessionPanels implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private readonly open = new Map<string, OpenOverview>();
  private latestTimes: OverviewTimes | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly deps: SessionPanelDeps,
    private readonly log: Logger,
  ) {}

  /**
   * Opens (or reveals) the overview; resolves once the list is on screen and every participant analysed
   * automatically is analysed or failed, or to undefined when the panel was closed or `signal` aborted.
   */
  async show(
    scope: Scope,
    sessionId: string,
    signal: AbortSignal,
    progress: OpenProgress = () => undefined,
  ): Promise<SessionOverviewResult | undefined> {
    const key = sessionKey(scope, sessionId);
    let entry = this.open.get(key);
    if (entry?.opened && !entry.run.progress().running) {
      entry.panel.reveal(undefined, false);
      return entry.run.result();
    }
    const created = !entry;
    if (!entry) {
      // Kept while hidden: triage goes from the overview to a participant and back, over and over, and a
      // torn-down overview took 1.5 s to come back (bench:switch-back). Its rows cost little to keep.
      const panel = vscode.window.createWebviewPanel(SESSION_VIEW_TYPE, sessionId, vscode.ViewColumn.Active, {
        ...webviewPanelOptions(this.extensionUri),
        retainContextWhenHidden: true,
      });
      entry = this.adopt(key, scope, sessionId, panel);
    } else {
      entry.panel.reveal(undefined, false);
    }
    const current = entry;
    // Cancelling the command or closing the panel stops the work.
    const stopOnCancel = () => current.run.stop();
    signal.addEventListener('abort', stopOnCancel, { once: true });
    try {
      const cancelled = () => signal.aborted || current.disposed.signal.aborted;
      if (!current.opened) {
        progress('reading the participant list');
        const times: OverviewTimes = { sessionId, participants: 0, startedAt: Date.now() };
        current.times = this.latestTimes = times;
        try {
          await current.run.open(AbortSignal.any([signal, current.disposed.signal]));
        } catch (error) {
          this.notOpened(current, created, error);
          throw error;
        }
        times.listReadAt = Date.now();
        times.participants = current.run.progress().total;
        current.opened = true;
        current.panel.title = current.run.header().title ?? sessionId;
        void this.loadResources(current);
      }
      // The analysis does not wait for the webview: it gets what there is once it says it is ready.
      const shown = this.showWhenReady(current);
      if (current.run.autoAnalyses) {
        // Increments make the notification's bar show how far it is, rather than an endless animation.
        let reportedPercent = 0;
        const report = setInterval(() => {
          const { analysed, total } = current.run.progress();
          const percent = total > 0 ? (100 * Math.min(analysed, total)) / total : 0;
          progress(`analysed ${analysed} of ${total}`, Math.max(0, percent - reportedPercent));
          reportedPercent = Math.max(reportedPercent, percent);
        }, NOTIFICATION_PROGRESS_MS);
        const times = current.times;
        if (times) times.analysisStartedAt ??= Date.now();
        try {
          await current.run.analyse();
        } finally {
          clearInterval(report);
        }
        if (times && times.analysisDoneAt === undefined) {
          times.analysisDoneAt = Date.now();
          this.log.debug(
            `Overview of ${sessionId}: ${times.participants} participants analysed in ${times.analysisDoneAt - times.analysisStartedAt!} ms`,
          );
        }
        this.flush(current);
      }
      if ((await shown) === 'disposed' || cancelled()) return undefined;
      this.startPolling(current);
      return cancelled() ? undefined : current.run.result();
    } finally {
      signal.removeEventListener('abort', stopOnCancel);
    }
  }

  /**
   * Its list could not be read, or the user cancelled: a panel opened for this goes (the command says
   * what went wrong); one restored after a reload says so in place of "Loading…".
   */
  private notOpened(entry: OpenOverview, created: boolean, error: unknown): void {
    if (entry.disposed.signal.aborted) return;
    if (created) {
      entry.panel.dispose();
      return;
    }
    const cancelled = isCancellation(error);
    void this.post(entry.panel, {
      type: 'error',
      message: `${cancelled ? 'Opening the session was cancelled.' : `The session could not be opened: ${errorMessage(error).replace(/\.?$/, '.')}`} Open it again from the RealtimeKit view.`,
    });
  }

  /** How many overviews are open. */
  get count(): number {
    return this.open.size;
  }

  /** When the last overview opened read its list, painted it and analysed its participants. */
  get overviewTimes(): OverviewTimes | undefined {
    return this.latestTimes;
  }

  /** A participant's statistics, when an open overview of its session has analysed it. */
  statisticsOf(scope: Scope, sessionId: string, participantId: string): SessionParticipantStatistics | undefined {
    return this.open.get(sessionKey(scope, sessionId))?.run.statisticsOf(participantId);
  }

  /** Who affected whom around a participant, when an open overview of its session has analysed it. */
  attributionOf(scope: Scope, sessionId: string, participantId: string): PanelAttribution | undefined {
    const run = this.open.get(sessionKey(scope, sessionId))?.run;
    const row = run?.rowsOf([participantId])[0];
    if (!run || !row?.analysed) return undefined;
    const name = (id: string) => run.rowsOf([id])[0]?.displayName ?? id;
    return {
      causedBy: row.causedBy.map((cause) => ({
        participantId: cause.participantId,
        name: name(cause.participantId),
        rule: cause.rule,
        evidence: cause.evidence ?? `caused by ${name(cause.participantId)}'s ${sendSideOf([cause.rule])}`,
        likely: cause.confidence === 'likely',
      })),
      affected: row.affected.map((effect) => ({
        participantId: effect.participantId,
        name: name(effect.participantId),
        rule: effect.rule,
      })),
      explainedByOthers: row.explainedByOthers === true,
      peerNames: peerNamesOf(
        [...run.unrankedRows()].flatMap((other) => (other.displayName ? [{ name: other.displayName, peerIds: other.peerIds }] : [])),
      ),
    };
  }

  /** Posts everything once the webview is ready and waits for its paint; 'disposed' when it was closed. */
  private async showWhenReady(entry: OpenOverview): Promise<WaitOutcome> {
    const ready = await entry.handshake.whenReady();
    if (ready === 'done') {
      const rendered = entry.handshake.nextRender();
      await this.postAll(entry);
      const painted = await rendered;
      if (painted !== 'timeout') return painted;
    }
    if (ready === 'disposed') return ready;
    // Still shown when its webview starts ("ready" posts everything); the command does not hang on it.
    this.log.warn(`The overview of ${entry.sessionId} did not report it was painted in time.`);
    return 'timeout';
  }

  /** Restores an overview after a reload from the IDs its webview kept; the data is fetched again. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const restore = (state as { restore?: { accountId?: unknown; appId?: unknown; sessionId?: unknown } } | undefined)?.restore;
    panel.webview.options = webviewPanelOptions(this.extensionUri);
    if (typeof restore?.accountId !== 'string' || typeof restore.appId !== 'string' || typeof restore.sessionId !== 'string') {
      panel.webview.html = webviewDocument(panel, this.extensionUri, 'session', 'RealtimeKit session');
      void this.post(panel, {
        type: 'error',
        message: 'This overview cannot be restored: open the session again from the RealtimeKit view.',
      });
      return;
    }
    const scope = { accountId: restore.accountId, appId: restore.appId };
    this.adopt(sessionKey(scope, restore.sessionId), scope, restore.sessionId, panel);
    void executeCommand('realtimekit.showSessionOverview', { ...scope, sessionId: restore.sessionId });
  }

  dispose(): void {
    for (const entry of this.open.values()) entry.panel.dispose();
    this.open.clear();
  }

  private adopt(key: string, scope: Scope, sessionId: string, panel: vscode.WebviewPanel): OpenOverview {
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'realtimekit.svg');
    const entry: OpenOverview = {
      panel,
      scope,
      sessionId,
      handshake: new WebviewHandshake(panel),
      opened: false,
      pending: new Set(),
      polling: true,
      disposed: fanOutController(),
      run: new SessionOverviewRun({
        client: this.deps.client(),
        scheduler: this.deps.scheduler,
        scope,
        sessionId,
        autoAnalyseLimit: this.deps.autoAnalyseLimit(),
        onChange: (ids) => this.changed(entry, ids),
      }),
    };
    panel.webview.onDidReceiveMessage((message: unknown) => {
      if (isSessionWebviewToHost(message)) this.receive(entry, message);
      else this.log.warn('Ignored a malformed message from a session overview.');
    });
    panel.onDidChangeViewState(() => {
      if (!panel.visible) return this.stopPolling(entry);
      // Its context was kept while hidden: a LIVE call's duration and timeline move on to now.
      if (entry.run.isLive) this.flush(entry);
      this.startPolling(entry);
    });
    panel.onDidDispose(() => {
      entry.disposed.abort();
      entry.run.dispose();
      this.stopPolling(entry);
      clearTimeout(entry.flushTimer);
      if (this.open.get(key) !== entry) return;
      this.open.delete(key);
      this.deps.onClosed(entry.scope, entry.sessionId);
    });
    panel.webview.html = webviewDocument(panel, this.extensionUri, 'session', sessionId);
    this.open.set(key, entry);
    return entry;
  }

  private receive(entry: OpenOverview, message: SessionWebviewToHost): void {
    const { scope, sessionId, run } = entry;
    switch (message.type) {
      case 'ready':
        // A webview that started again (its context is kept while hidden, but a reload, a move to
        // another window or "Reload Webviews" starts it anew) gets everything again, unless a show
        // waited for this "ready" and posts it.
        if (!entry.handshake.markReady() && entry.opened) void this.postAll(entry);
        break;
      case 'rendered': {
        const times = entry.times;
        if (times && entry.opened && message.timings && times.listPaintedAt === undefined) {
          times.listPaintedAt = message.timings.painted;
          this.log.debug(
            `Overview of ${sessionId}: ${times.participants} participants listed in ${(times.listReadAt ?? times.startedAt) - times.startedAt} ms, on screen after ${times.listPaintedAt - times.startedAt} ms`,
          );
        }
        entry.handshake.markRendered();
        break;
      }
      case 'openParticipant':
        void executeCommand('realtimekit.showSessionParticipant', { ...scope, sessionId, participantId: message.participantId });
        break;
      case 'compare':
        void executeCommand('realtimekit.compareParticipants', { ...scope, sessionId, participantIds: message.participantIds });
        break;
      case 'retry':
        void this.analyse(entry, () => run.analyse([message.participantId], true));
        break;
      case 'stop':
        run.stop();
        break;
      case 'analyseAll':
        void this.analyse(entry, () => run.analyse());
        break;
      case 'setLivePolling':
        entry.polling = message.polling;
        if (message.polling) this.startPolling(entry);
        else this.stopPolling(entry);
        this.flush(entry);
        break;
      case 'openResource':
        void this.openResource(entry, message.kind);
        break;
      case 'copy':
        void vscode.env.clipboard.writeText(message.text).then(() => vscode.window.setStatusBarMessage('RealtimeKit: copied', 2000));
        break;
      case 'export':
        void this.exportReport(entry);
        break;
      default:
        message satisfies never;
    }
  }

  private async analyse(entry: OpenOverview, work: () => Promise<void>): Promise<void> {
    this.flush(entry);
    try {
      await work();
    } catch (error) {
      this.log.error('Analysing participants', error);
    }
    this.flush(entry);
  }

  private changed(entry: OpenOverview, ids: readonly string[]): void {
    for (const id of ids) entry.pending.add(id);
    entry.flushTimer ??= setTimeout(() => this.flush(entry), FLUSH_MS);
  }

  /** Posts the rows that changed, the verdict line and the progress. */
  private flush(entry: OpenOverview): void {
    clearTimeout(entry.flushTimer);
    entry.flushTimer = undefined;
    if (!entry.opened || entry.disposed.signal.aborted) return;
    const rows = entry.run.rowsOf([...entry.pending]);
    entry.pending.clear();
    void this.post(entry.panel, {
      type: 'header',
      header: entry.run.header(),
      verdictLine: entry.run.verdictLine(),
      restore: { ...entry.scope, sessionId: entry.sessionId },
    });
    if (rows.length > 0) void this.post(entry.panel, { type: 'rows', rows, replace: false });
    void this.post(entry.panel, { type: 'progress', progress: entry.run.progress(this.liveState(entry)) });
    const analysed = rows.filter((row) => row.analysed);
    if (analysed.length > 0) {
      if (entry.times) entry.times.firstVerdictAt ??= Date.now();
      this.deps.onRows(entry.scope, entry.sessionId, analysed);
    }
  }

  private async postAll(entry: OpenOverview): Promise<void> {
    entry.pending.clear();
    await this.post(entry.panel, {
      type: 'header',
      header: entry.run.header(),
      verdictLine: entry.run.verdictLine(),
      restore: { ...entry.scope, sessionId: entry.sessionId },
    });
    // The webview paints parts that come together in one frame.
    for (const part of tableInParts(entry.run.allRows(), ROWS_PER_MESSAGE)) await this.post(entry.panel, part);
    await this.post(entry.panel, { type: 'progress', progress: entry.run.progress(this.liveState(entry)) });
    if (entry.resources) await this.post(entry.panel, { type: 'resources', resources: entry.resources });
  }

  private liveState(entry: OpenOverview) {
    return entry.run.isLive ? { polling: entry.polling, everySeconds: LIVE_POLL_SECONDS, lastReadAt: entry.run.listReadAt } : undefined;
  }

  private startPolling(entry: OpenOverview): void {
    if (!entry.run.isLive || !entry.polling || entry.pollTimer || !entry.panel.visible) return;
    entry.pollTimer = setInterval(() => {
      entry.run.poll(entry.disposed.signal).then(
        () => this.flush(entry),
        (error: unknown) => this.log.warn(`Re-reading the live session ${entry.sessionId}: ${errorMessage(error)}`),
      );
    }, LIVE_POLL_SECONDS * 1000);
  }

  private stopPolling(entry: OpenOverview): void {
    clearInterval(entry.pollTimer);
    entry.pollTimer = undefined;
  }

  private async loadResources(entry: OpenOverview): Promise<void> {
    entry.resources = await entry.run.resources(entry.disposed.signal);
    await this.post(entry.panel, { type: 'resources', resources: entry.resources });
  }

  /** Opens a transcript, summary or chat link in the browser, only https (or this machine's sample server). */
  private async openResource(entry: OpenOverview, kind: SessionResource['kind']): Promise<void> {
    const url = entry.resources?.find((resource) => resource.kind === kind)?.url;
    if (!url) return;
    let target: vscode.Uri;
    try {
      target = vscode.Uri.parse(url, true);
    } catch {
      void vscode.window.showErrorMessage(`RealtimeKit: the ${kind} link is not a URL.`);
      return;
    }
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(target.authority.replace(/:\d+$/, ''));
    if (target.scheme !== 'https' && !(target.scheme === 'http' && loopback)) {
      void vscode.window.showErrorMessage(`RealtimeKit: the ${kind} link is not an https link, so it was not opened.`);
      return;
    }
    await vscode.env.openExternal(target);
  }

  private async exportReport(entry: OpenOverview): Promise<void> {
    try {
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const name = `realtimekit-session-${entry.sessionId.slice(0, 8)}.md`;
      const target = await vscode.window.showSaveDialog({
        defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
        filters: { Markdown: ['md'] },
        saveLabel: 'Export report',
        title: 'Export the session report as Markdown',
      });
      if (!target) return;
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(entry.run.markdownReport(entry.resources ?? [])));
      void vscode.window.showInformationMessage(`RealtimeKit: exported to ${target.fsPath || target.toString()}`, 'Open').then((choice) => {
        if (choice === 'Open') void vscode.window.showTextDocument(target);
      });
    } catch (error) {
      this.log.error('Exporting the session report', error);
      void vscode.window.showErrorMessage(`RealtimeKit: export failed: ${errorMessage(error)}`);
    }
  }

  private async post(panel: vscode.WebviewPanel, message: SessionHostToWebview): Promise<void> {
    await postToWebview(panel, message);
  }
}

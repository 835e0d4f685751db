/**
 * Hosts the realtimekit.stats webviews: one panel per participant or peer (revealed, not duplicated,
 * when asked twice). Data is posted after the webview says it is ready; show() resolves once the
 * webview reports it rendered, the panel is closed, or a bound passes. Panels come back after a
 * reload from their IDs alone.
 */
import * as vscode from 'vscode';
import { executeCommand, runCall } from '../common/commands';
import type { Logger } from '../common/logger';
import { formatPhases, isPaintOf, type NewWebview, type PhaseRecorder, type PhaseSummary } from '../common/phaseTimes';
import { analyseInspection, type AnalysedInspection, type Inspection } from '../inspection/inspection';
import { isInspectionTarget, targetKey, type InspectionTarget, type ParticipantTarget } from '../inspection/inspectionTarget';
import { inspectionRequestKey } from '../inspection/sharedInspections';
import { reopenCommand } from '../inspection/reopenCommand';
import { statsWorker } from '../inspection/worker/statsWorkerHost';
import { errorMessage } from '../shared/errorMessage';
import {
  isWebviewStart,
  isWebviewToHost,
  type HostToWebview,
  type PaintedData,
  type PanelAttribution,
  type PanelPayload,
  type RenderTimings,
  type WebviewToHost,
} from '../shared/messages';
import { exportPanel } from './exportReport';
import { columnsMessage, rawJsonMessage, rawJsonText, toPayload } from './panelContent';
import { WebviewHandshake, type WaitOutcome } from './webviewHandshake';
import { pictureOrigin } from './webviewHtml';
import { postToWebview, webviewDocument, webviewPanelOptions } from './webviewPanel';
import { peerIndexOf } from '../shared/peerIndex';

export const STATS_VIEW_TYPE = 'realtimekit.stats';

interface OpenPanel {
  panel: vscode.WebviewPanel;
  target: InspectionTarget;
  handshake: WebviewHandshake;
  content?: AnalysedInspection;
  /** Set once the user asked to see the picture: the only outside origin the panel may load from. */
  imageOrigin?: string;
  /** Who affected whom as last posted, to post again only when an overview changes it. */
  postedAttribution?: string;
  /** Opened or revealed by prepare() and not shown since: it took the focus then. */
  prepared?: boolean;
  /** The shown inspection's phase times, waiting for the webview's paint of the data posted (`of`). */
  phases?: { recorder: PhaseRecorder; of: PaintedData };
  /** The peer the webview shows, as it last said: its index then, and its ID (new data may list it elsewhere). */
  shownPeer?: { index: number; peerId?: string };
  /** How the webview started, until the first data it shows records it. */
  started?: NewWebview;
  /** The `fetchedAt` of the data the webview shows; none once its document starts afresh. */
  shownFetchedAt?: string;
  /** The `fetchedAt` of the 'show' whose paint the full columns wait for (postShow). */
  columnsAfterPaint?: string;
}

/** A panel opened before its data: the fetch stops when it is closed, and it closes when no data comes. */
export interface PreparedPanel {
  closed: AbortSignal;
  abandon(): void;
}

/** The last painted inspection's phases, for a user's log and the benchmark. */
export interface PanelPhaseTimes extends PhaseSummary {
  target: string;
  /** Date.now() when the webview painted it. */
  paintedAt: number;
}

export class StatsPanels implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private readonly open = new Map<string, OpenPanel>();
  private latestPhases: PanelPhaseTimes | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: Logger,
    /** Who affected whom, from an open overview of the target's session. */
    private readonly attributionOf: (target: InspectionTarget) => PanelAttribution | undefined = () => undefined,
  ) {
    statsWorker.log = log;
  }

  /** Where the last painted inspection's time went (also logged at debug level). */
  get phaseTimes(): PanelPhaseTimes | undefined {
    return this.latestPhases;
  }

  get count(): number {
    return this.open.size;
  }

  /**
   * What an open panel shows of the target, if it was fetched with the same request: fetching the
   * target again compares its answers with this one's and keeps it when they are the same.
   */
  shown(target: ParticipantTarget): AnalysedInspection | undefined {
    const entry = this.open.get(targetKey(target));
    if (!entry?.content || entry.target.kind === 'session') return undefined;
    return inspectionRequestKey(entry.target) === inspectionRequestKey(target) ? entry.content : undefined;
  }

  /** When the data on a target's panel was fetched, if it is open. */
  fetchedAt(target: InspectionTarget): string | undefined {
    return this.open.get(targetKey(target))?.content?.fetchedAt;
  }

  /**
   * Opens the target's panel, saying "Loading…", before its data is fetched: a fresh webview takes
   * about a second to start in a browser host, and it starts while the answer downloads rather than
   * after. `closed` aborts when the user closes it before its data came (the fetch is then moot);
   * `abandon` closes it again if no data came (the fetch failed or was cancelled). A target already
   * open is revealed now, when asked, and keeps its data until the new data comes.
   */
  prepare(target: InspectionTarget): PreparedPanel {
    const key = targetKey(target);
    const open = this.open.get(key);
    if (open) {
      open.panel.reveal(undefined, false);
      open.prepared = true;
      const abandon = () => {
        open.prepared = false;
        // A panel restored after a reload has no data until this fetch brings it: not "Loading…" for ever.
        if (!open.content)
          void this.post(open.panel, {
            type: 'error',
            message:
              'Not loaded: the fetch failed or was cancelled. Run "RealtimeKit: Refresh" or open it again from the RealtimeKit view.',
          });
      };
      return { closed: new AbortController().signal, abandon };
    }
    const entry = this.create(key, target, panelTitle(target, target.label));
    entry.prepared = true;
    const closed = new AbortController();
    entry.panel.onDidDispose(() => {
      if (!entry.content) closed.abort();
    });
    return { closed: closed.signal, abandon: () => (entry.content ? undefined : entry.panel.dispose()) };
  }

  /** Shows the inspection; resolves to 'done' once painted, or says why it was not. */
  async show(target: InspectionTarget, inspection: Inspection): Promise<WaitOutcome> {
    const key = targetKey(target);
    const title = panelTitle(target, inspection.participant.displayName ?? target.label);
    let entry = this.open.get(key);
    if (entry) {
      // Asked again with other filters: Refresh and a restore fetch what is shown now.
      entry.target = target;
      entry.panel.title = title;
      // A panel opened or revealed for this fetch took the focus then: taking it again now, just before
      // the command resolves, would close a quick pick the user opened meanwhile (vscode#75209).
      if (!entry.prepared) entry.panel.reveal(undefined, false);
      entry.prepared = false;
    } else entry = this.create(key, target, title);
    // Kept before the webview is ready: if it starts late, its "ready" gets the data.
    entry.content = analyseInspection(inspection);
    const ready = await entry.handshake.whenReady();
    if (ready !== 'done') return this.notShown(title, ready);
    const rendered = entry.handshake.nextRender();
    if (inspection.phases) inspection.phases.webview = entry.started;
    await this.postShow(entry, inspection.phases, true);
    const outcome = await rendered;
    return outcome === 'done' ? outcome : this.notShown(title, outcome);
  }

  /**
   * Restores a panel after a reload: the IDs come from the webview's state, the data is fetched again.
   * Returns at once: the workbench shows the webview only after this resolves, and the fetch waits for
   * the webview to be ready.
   */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const restore = (state as { restore?: unknown } | undefined)?.restore;
    panel.webview.options = webviewPanelOptions(this.extensionUri);
    if (!isInspectionTarget(restore)) {
      panel.webview.html = webviewDocument(panel, this.extensionUri, 'webview', 'RealtimeKit');
      void this.post(panel, {
        type: 'error',
        message: 'This panel cannot be restored: open the participant again from the RealtimeKit view.',
      });
      return;
    }
    const entry = this.adopt(targetKey(restore), restore, panel, panel.title);
    void entry.handshake.whenReady().then(async (outcome) => {
      if (outcome !== 'done') return;
      // A Refresh may have brought its data meanwhile: shown now, not hidden behind "Loading…".
      if (entry.content) await this.postShow(entry, undefined);
      else await this.post(panel, { type: 'loading', title: restore.label ?? 'participant' });
      await runCall(reopenCommand(restore));
    });
  }

  /**
   * Refresh: one job per open panel, fetching its target again and showing the new data; a job ends
   * once its panel painted the data (or is hidden, or a bound passed).
   */
  refreshJobs(
    fetch: (target: ParticipantTarget, signal: AbortSignal) => Promise<Inspection>,
  ): Array<{ key: string; target: ParticipantTarget; run: (signal: AbortSignal) => Promise<unknown> }> {
    return [...this.open.entries()].flatMap(([key, entry]) => {
      const target = entry.target;
      if (target.kind === 'session') return [];
      return [{ key: `panel:${key}`, target, run: async (signal: AbortSignal) => this.update(entry, await fetch(target, signal)) }];
    });
  }

  /**
   * New data for an open panel; a hidden one, or one whose webview is still starting, gets it when its
   * webview says "ready".
   */
  private async update(entry: OpenPanel, inspection: Inspection): Promise<void> {
    entry.content = analyseInspection(inspection);
    if (!entry.handshake.ready) return;
    const rendered = entry.handshake.nextRender();
    await this.postShow(entry, inspection.phases, true);
    await rendered;
  }

  /** A session overview learnt who affected whom: visible panels of its participants say so. */
  attributionChanged(sessionKeyOf: (target: InspectionTarget) => string | undefined, key: string): void {
    for (const entry of this.open.values()) {
      if (!entry.content || !entry.panel.visible || sessionKeyOf(entry.target) !== key) continue;
      if (JSON.stringify(this.attributionFor(entry) ?? null) === entry.postedAttribution) continue;
      void this.postShow(entry, undefined);
    }
  }

  dispose(): void {
    for (const entry of this.open.values()) entry.panel.dispose();
    this.open.clear();
    statsWorker.stop();
  }

  private notShown(title: string, outcome: WaitOutcome): WaitOutcome {
    if (outcome === 'timeout') this.log.warn(`The stats panel "${title}" did not report it was painted in time.`);
    return outcome;
  }

  private create(key: string, target: InspectionTarget, title: string): OpenPanel {
    const panel = vscode.window.createWebviewPanel(
      STATS_VIEW_TYPE,
      title,
      vscode.ViewColumn.Active,
      webviewPanelOptions(this.extensionUri),
    );
    return this.adopt(key, target, panel, title);
  }

  private adopt(key: string, target: InspectionTarget, panel: vscode.WebviewPanel, title: string): OpenPanel {
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'realtimekit.svg');
    const entry: OpenPanel = { panel, target, handshake: new WebviewHandshake(panel) };
    panel.webview.onDidReceiveMessage((message: unknown) => {
      if (isWebviewToHost(message)) this.receive(entry, message);
      else this.log.warn('Ignored a malformed message from a stats panel.');
    });
    panel.onDidDispose(() => {
      if (this.open.get(key) === entry) this.open.delete(key);
    });
    this.setDocument(entry, title);
    this.open.set(key, entry);
    return entry;
  }

  private setDocument(entry: OpenPanel, title: string, imageOrigin?: string): void {
    entry.handshake.documentReplaced();
    entry.panel.webview.html = webviewDocument(entry.panel, this.extensionUri, 'webview', title, imageOrigin);
  }

  private receive(entry: OpenPanel, message: WebviewToHost): void {
    const { panel, target } = entry;
    switch (message.type) {
      case 'ready': {
        // A new document: it shows nothing yet, and will not paint what was posted to the one before.
        entry.shownFetchedAt = undefined;
        entry.columnsAfterPaint = undefined;
        entry.phases = undefined;
        const htmlAt = entry.handshake.documentStartedAt;
        entry.started = isWebviewStart(message.start) && htmlAt !== undefined ? { ...message.start, htmlAt } : undefined;
        // A webview hidden and shown again starts afresh (no retained context): give it the data again,
        // unless a show() waited for this "ready" and posts it.
        if (!entry.handshake.markReady() && entry.content) void this.postShow(entry, undefined);
        break;
      }
      case 'peerShown':
        entry.shownPeer = { index: message.peer, peerId: message.peerId };
        break;
      case 'rendered':
        if (message.timings && entry.phases && isPaintOf(message, entry.phases.of))
          this.painted(entry, entry.phases.recorder, message.timings);
        if (entry.columnsAfterPaint !== undefined && message.fetchedAt === entry.columnsAfterPaint) {
          entry.columnsAfterPaint = undefined;
          void this.postColumns(entry, message.fetchedAt);
        }
        entry.handshake.markRendered();
        break;
      case 'copy':
        void vscode.env.clipboard.writeText(message.text).then(() => vscode.window.setStatusBarMessage('RealtimeKit: copied', 2000));
        break;
      case 'rawJson':
        // The answer crosses to the webview only now, when the user opened Raw JSON.
        if (entry.content) void this.post(panel, rawJsonMessage(entry.content));
        break;
      case 'copyRawJson':
        if (entry.content)
          void vscode.env.clipboard
            .writeText(rawJsonText(entry.content))
            .then(() => vscode.window.setStatusBarMessage('RealtimeKit: copied the raw JSON', 2000));
        break;
      case 'refresh':
        void runCall(reopenCommand(target));
        break;
      case 'openParticipant':
        if (target.kind === 'sessionParticipant') {
          void executeCommand('realtimekit.showSessionParticipant', {
            accountId: target.accountId,
            appId: target.appId,
            sessionId: target.sessionId,
            participantId: message.participantId,
          });
        }
        break;
      case 'openSessionOverview':
        if (target.kind === 'sessionParticipant')
          void executeCommand('realtimekit.showSessionOverview', {
            accountId: target.accountId,
            appId: target.appId,
            sessionId: target.sessionId,
          });
        break;
      case 'openPeer':
        void executeCommand('realtimekit.showPeerReport', { accountId: target.accountId, appId: target.appId, peerId: message.peerId });
        break;
      case 'export':
        if (entry.content) {
          exportPanel(entry.content, message.format, this.attributionFor(entry)?.peerNames).catch((error: unknown) => {
            this.log.error('Export', error);
            void vscode.window.showErrorMessage(`RealtimeKit: export failed: ${errorMessage(error)}`);
          });
        }
        break;
      case 'showPicture': {
        const origin = pictureOrigin(entry.content?.participant.picture);
        if (!origin) break;
        entry.imageOrigin = origin;
        // A new policy needs a new document: the webview starts again and gets its data on "ready".
        this.setDocument(entry, panel.title, origin);
        break;
      }
      default:
        message satisfies never;
    }
  }

  /**
   * Who affected whom, from an open overview of the target's session, naming only the peers the target
   * received from: the panel is posted again when that changes, not whenever the overview names another.
   */
  private attributionFor(entry: OpenPanel): PanelAttribution | undefined {
    const attribution = this.attributionOf(entry.target);
    if (!attribution?.peerNames || !entry.content) return attribution;
    const senders = new Set(entry.content.participant.peerStats.flatMap((peer) => peer.tracks.map((track) => track.remotePeerId)));
    // By ID: the overview's rows come worst first, and a new ranking is no new name.
    const peerNames = Object.fromEntries(
      Object.entries(attribution.peerNames)
        .filter(([peerId]) => senders.has(peerId))
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
    return { ...attribution, peerNames };
  }

  private payload(entry: OpenPanel): PanelPayload {
    if (!entry.content) throw new Error('A stats panel was asked to show before it had data.');
    const attribution = this.attributionFor(entry);
    entry.postedAttribution = JSON.stringify(attribution ?? null);
    return toPayload(entry.content, entry.target, {
      pictureAllowed: entry.imageOrigin !== undefined,
      attribution,
      shownPeer: entry.shownPeer && peerIndexOf(entry.content.participant.peerStats, entry.shownPeer.peerId, entry.shownPeer.index),
    });
  }

  /**
   * Posts the data (a preview of long tracks for the first paint, then every sample), timing the
   * payload and the post when the inspection records its phases. With `mayOnlyCheck`, when the
   * webview shows data fetched with the same answers (fetched anew, the same), only says so: the panel
   * keeps its charts, zoom and scroll. A webview that started afresh meanwhile gets the data whole.
   */
  private postShow(entry: OpenPanel, phases: PhaseRecorder | undefined, mayOnlyCheck = false): Promise<void> {
    const message = this.showMessage(entry, mayOnlyCheck);
    if (message.type === 'show') entry.shownFetchedAt = message.payload.fetchedAt;
    const { fetchedAt, checkedAt } = message.type === 'show' ? message.payload : message;
    if (phases) entry.phases = { recorder: phases, of: { fetchedAt, checkedAt } };
    // Whatever is posted first to a new webview uses up its start; only show() records it.
    entry.started = undefined;
    // The full columns follow once the webview says it painted this data (receive, 'rendered'): in a
    // remote host (code-server, SSH, Codespaces) every message to the webview is deflated on the
    // extension host's thread pool, and the heavy participant's columns, sent at once, took a core from
    // the first paint. Only the latest 'show' waits; one for other data drops what an older one waited for.
    if (message.type === 'show') entry.columnsAfterPaint = message.payload.fetchedAt;
    const posted = phases ? phases.time('post', () => this.post(entry.panel, message)) : this.post(entry.panel, message);
    if (phases) phases.postedAt = Date.now();
    return posted;
  }

  /** The full columns of the data fetched at `fetchedAt`, if the panel still holds it (a check that found it the same keeps it). */
  private async postColumns(entry: OpenPanel, fetchedAt: string): Promise<void> {
    const columns = entry.content?.fetchedAt === fetchedAt ? columnsMessage(entry.content) : undefined;
    if (columns) await this.post(entry.panel, columns);
  }

  private showMessage(entry: OpenPanel, mayOnlyCheck: boolean): Extract<HostToWebview, { type: 'show' | 'checked' }> {
    const { checkedAt, fetchedAt } = entry.content ?? {};
    if (mayOnlyCheck && checkedAt && fetchedAt && entry.shownFetchedAt === fetchedAt) return { type: 'checked', fetchedAt, checkedAt };
    return { type: 'show', payload: this.payload(entry) };
  }

  private painted(entry: OpenPanel, phases: PhaseRecorder, timings: RenderTimings): void {
    entry.phases = undefined;
    phases.rendered = timings;
    const summary = phases.summary();
    this.latestPhases = { ...summary, target: targetKey(entry.target), paintedAt: timings.painted };
    this.log.debug(`"${entry.panel.title}" ${formatPhases(summary)}`);
  }

  private async post(panel: vscode.WebviewPanel, message: HostToWebview): Promise<void> {
    await postToWebview(panel, message);
  }
}

/** The display name; a participant and its peers' reports carry the same one, so a peer's tab says which peer it is. */
function panelTitle(target: InspectionTarget, displayName: string | undefined): string {
  const name = displayName ?? 'RealtimeKit participant';
  return target.kind === 'peer' ? `${name} · peer ${target.peerId.slice(0, 8)}` : name;
}

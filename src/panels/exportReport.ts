/** Saves the Markdown report or the raw JSON of a panel through a save dialog. */
import * as vscode from 'vscode';
import { markdownReport } from '../analysis/markdownReport';
import type { ExportFormat } from '../shared/messages';
import type { AnalysedInspection } from '../inspection/inspection';
import { PeerNamer } from '../shared/peerNames';
import { rawJsonText } from './panelContent';

function defaultName(content: AnalysedInspection, format: ExportFormat): string {
  const person =
    (content.participant.displayName ?? 'participant').replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '') || 'participant';
  const id = (content.participant.id ?? '').slice(0, 8);
  return `realtimekit-${person}${id ? `-${id}` : ''}.${format === 'markdown' ? 'md' : 'json'}`;
}

/** The Markdown report, naming the senders the panel names. */
function namedReport(content: AnalysedInspection, namer: PeerNamer): string {
  const { participant } = content;
  const peerStats = participant.peerStats.map((peer) => ({ ...peer, tracks: peer.tracks.map((track) => namer.track(track)) }));
  return markdownReport({ ...participant, peerStats }, namer.issues(content.issues), content.verdict, {
    generatedAt: new Date().toISOString(),
  });
}

/** `peerNames`: whose peers it received from, as an open overview knows them: the report names them as the panel does. */
export async function exportPanel(
  content: AnalysedInspection,
  format: ExportFormat,
  peerNames: Readonly<Record<string, string>> = {},
): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = defaultName(content, format);
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
    filters: format === 'markdown' ? { Markdown: ['md'] } : { JSON: ['json'] },
    saveLabel: format === 'markdown' ? 'Export report' : 'Export JSON',
    title: format === 'markdown' ? 'Export the call report as Markdown' : 'Export the raw API answer as JSON',
  });
  if (!target) return undefined;
  const text = format === 'markdown' ? namedReport(content, new PeerNamer(peerNames)) : `${rawJsonText(content)}\n`;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  void vscode.window.showInformationMessage(`RealtimeKit: exported to ${target.fsPath || target.toString()}`, 'Open').then((choice) => {
    if (choice === 'Open') void vscode.window.showTextDocument(target);
  });
  return target;
}

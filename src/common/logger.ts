/** The "RealtimeKit" log channel. Records requests (method, path, status, time), never tokens or bodies. */
import * as vscode from 'vscode';
import type { RequestLogEntry } from './api/http';

export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('RealtimeKit', { log: true });
}

export function logRequest(log: vscode.LogOutputChannel, entry: RequestLogEntry): void {
  const status = entry.status ?? '-';
  const retries = entry.attempt ? ` after ${entry.attempt} retr${entry.attempt === 1 ? 'y' : 'ies'}` : '';
  const line = `${entry.method} ${entry.path} -> ${status} ${entry.outcome} in ${entry.durationMs} ms${retries}`;
  if (entry.outcome === 'error') log.warn(line);
  else log.info(line);
}

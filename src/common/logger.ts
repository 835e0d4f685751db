/**
 * The "RealtimeKit" log channel and a logger per part (api, commands, tree, panels), each line
 * prefixed with its part. Requests are logged as method, path, status and time; never tokens or
 * bodies. Unexpected errors log their message, and their stack at debug level.
 */
import * as vscode from 'vscode';
import type { RequestLogEntry } from '../api/http';
import { errorMessage } from '../shared/errorMessage';

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  /** Logs what failed; the error's stack goes to debug level, for a user who turns that on. */
  error(message: string, error?: unknown): void;
  child(part: string): Logger;
}

export function createLogChannel(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('RealtimeKit', { log: true });
}

export function createLogger(channel: vscode.LogOutputChannel, part?: string): Logger {
  const prefix = part ? `[${part}] ` : '';
  return {
    debug: (message) => channel.debug(prefix + message),
    info: (message) => channel.info(prefix + message),
    warn: (message) => channel.warn(prefix + message),
    error: (message, error) => {
      channel.error(error === undefined ? prefix + message : `${prefix}${message}: ${errorMessage(error)}`);
      if (error instanceof Error && error.stack) channel.debug(`${prefix}${error.stack}`);
    },
    child: (child) => createLogger(channel, part ? `${part}/${child}` : child),
  };
}

/** One line per request; `host` is named when it is not the Cloudflare API. */
export function logRequest(log: Logger, entry: RequestLogEntry, host?: string): void {
  const status = entry.status ?? '-';
  const retries = entry.attempt ? ` after ${entry.attempt} retr${entry.attempt === 1 ? 'y' : 'ies'}` : '';
  const line = `${entry.method} ${host ? `${host} ` : ''}${entry.path} -> ${status} ${entry.outcome} in ${entry.durationMs} ms${retries}`;
  if (entry.outcome === 'error') log.warn(line);
  else log.info(line);
}

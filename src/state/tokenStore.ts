/**
 * The API token lives only in SecretStorage. A context key tells views whether one is set, and the
 * secrets change event keeps every window in step. Every request asks for the token: the answer is
 * kept in memory until the secret changes, because each SecretStorage read is a round trip to the
 * workbench (in a remote window, over the network), and an overview makes hundreds of requests.
 */
import * as vscode from 'vscode';

const SECRET_KEY = 'realtimekit.apiToken';
const CONTEXT_KEY = 'realtimekit.hasToken';

export class TokenStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<boolean>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private read: Promise<string | undefined> | undefined;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.subscription = secrets.onDidChange(async (event) => {
      if (event.key !== SECRET_KEY) return;
      this.read = undefined;
      this.changed.fire(await this.refreshContext());
    });
  }

  get(): Promise<string | undefined> {
    const read = (this.read ??= Promise.resolve(this.secrets.get(SECRET_KEY)));
    // A failed read is not kept: the next request asks again.
    read.catch(() => {
      if (this.read === read) this.read = undefined;
    });
    return read;
  }

  async set(token: string): Promise<void> {
    this.read = undefined;
    await this.secrets.store(SECRET_KEY, token);
    this.read = undefined;
    this.changed.fire(await this.refreshContext());
  }

  async clear(): Promise<void> {
    this.read = undefined;
    await this.secrets.delete(SECRET_KEY);
    this.read = undefined;
    this.changed.fire(await this.refreshContext());
  }

  async refreshContext(): Promise<boolean> {
    const hasToken = Boolean(await this.get());
    await vscode.commands.executeCommand('setContext', CONTEXT_KEY, hasToken);
    return hasToken;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/**
 * The API token lives only in SecretStorage. A context key tells views whether one is set, and the
 * secrets change event keeps every window in step.
 */
import * as vscode from 'vscode';

const SECRET_KEY = 'realtimekit.apiToken';
const CONTEXT_KEY = 'realtimekit.hasToken';

export class TokenStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<boolean>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.subscription = secrets.onDidChange(async (event) => {
      if (event.key === SECRET_KEY) this.changed.fire(await this.refreshContext());
    });
  }

  get(): Thenable<string | undefined> {
    return this.secrets.get(SECRET_KEY);
  }

  async set(token: string): Promise<void> {
    await this.secrets.store(SECRET_KEY, token);
    this.changed.fire(await this.refreshContext());
  }

  async clear(): Promise<void> {
    await this.secrets.delete(SECRET_KEY);
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

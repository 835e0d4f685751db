/** Recently used IDs per kind, kept in globalState, newest first, capped. */
import type * as vscode from 'vscode';
import type { IdKind } from '../api/ids';

const LIMIT = 10;
const key = (kind: IdKind) => `realtimekit.recent.${kind}`;

export class RecentIds {
  constructor(private readonly state: vscode.Memento) {}

  list(kind: IdKind): string[] {
    return this.state.get<string[]>(key(kind), []);
  }

  async remember(kind: IdKind, id: string): Promise<void> {
    const next = [id, ...this.list(kind).filter((existing) => existing !== id)].slice(0, LIMIT);
    await this.state.update(key(kind), next);
  }

  async clearAll(kinds: readonly IdKind[]): Promise<void> {
    await Promise.all(kinds.map((kind) => this.state.update(key(kind), undefined)));
  }
}

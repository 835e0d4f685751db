/** Recently used IDs per kind, kept in globalState, newest first, capped. */
import type * as vscode from 'vscode';
import { ID_LABELS, type IdKind } from '../api/ids';

const LIMIT = 10;
const key = (kind: IdKind) => `realtimekit.recent.${kind}`;

export class RecentIds {
  constructor(private readonly state: vscode.Memento) {}

  list(kind: IdKind): string[] {
    // Stored state is read back unchecked by VS Code: keep only strings, and no more than the cap.
    const stored = this.state.get<unknown>(key(kind));
    return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string').slice(0, LIMIT) : [];
  }

  async remember(kind: IdKind, id: string): Promise<void> {
    const next = [id, ...this.list(kind).filter((existing) => existing !== id)].slice(0, LIMIT);
    await this.state.update(key(kind), next);
  }

  async clearAll(): Promise<void> {
    const kinds = Object.keys(ID_LABELS) as IdKind[];
    await Promise.all(kinds.map((kind) => this.state.update(key(kind), undefined)));
  }
}

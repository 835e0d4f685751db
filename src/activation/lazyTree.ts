/**
 * The realtimekit.explorer tree as registered at activation, so the view shows at once: it loads the
 * core (store, client) on its first getChildren and hands every call to the real provider from then on.
 */
import * as vscode from 'vscode';
import type { ExplorerTreeDataProvider } from '../views/explorerTreeDataProvider';
import type { ExplorerNode } from '../views/treeNodes';

export class LazyTree implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined | void>();
  readonly onDidChangeTreeData = this.changed.event;
  private provider: ExplorerTreeDataProvider | undefined;
  private subscription: vscode.Disposable | undefined;

  /**
   * `load` builds the core (synchronously) and returns its provider; `ready` settles once activation
   * knows whether a token is stored, so the first answer is not the signed-out one by mistake.
   */
  constructor(
    private readonly load: () => ExplorerTreeDataProvider,
    private readonly ready: Promise<unknown>,
  ) {}

  /** The real provider, loading the core if needed. */
  resolve(): ExplorerTreeDataProvider {
    return this.provider ?? this.attach(this.load());
  }

  /** Called when the core is loaded, by whatever used it first: the tree passes on its changes from then on. */
  attach(provider: ExplorerTreeDataProvider): ExplorerTreeDataProvider {
    if (!this.provider) {
      this.provider = provider;
      this.subscription = provider.onDidChangeTreeData((node) => this.changed.fire(node));
    }
    return this.provider;
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem | Thenable<vscode.TreeItem> {
    return this.resolve().getTreeItem(node);
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    await this.ready;
    return this.resolve().getChildren(node);
  }

  dispose(): void {
    this.subscription?.dispose();
    this.changed.dispose();
  }
}

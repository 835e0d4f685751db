/** A list browsed page by page ("Load more"): what is loaded so far and whether more remains. */
import type { Page } from '../api/paging';

export class PagedList<T> {
  private loaded: T[] = [];
  /** Items the pages held, repeats included: what the total counts. */
  private fetched = 0;
  private nextPage = 1;
  private total: number | undefined;
  private exhausted = false;
  private pending: Promise<void> | undefined;

  /**
   * `idOf`: an item's ID. A list that changes between pages (a session starting moves every later one
   * down a place) repeats an item on the next page: it is shown once (the tree refuses two items with
   * one ID).
   */
  constructor(
    private readonly fetchPage: (pageNo: number, perPage: number) => Promise<Page<T>>,
    private readonly perPage: number,
    private readonly idOf?: (item: T) => string | undefined,
  ) {}

  get items(): readonly T[] {
    return this.loaded;
  }

  get started(): boolean {
    return this.nextPage > 1 || this.exhausted;
  }

  get hasMore(): boolean {
    if (this.exhausted) return false;
    return this.total === undefined || this.fetched < this.total;
  }

  get totalCount(): number | undefined {
    return this.total;
  }

  /** Loads the next page; concurrent calls share one request. */
  loadMore(): Promise<void> {
    this.pending ??= this.fetchPage(this.nextPage, this.perPage)
      .then((page) => {
        this.loaded = [...this.loaded, ...this.unseen(page.items)];
        this.fetched += page.items.length;
        this.total = page.paging?.totalCount ?? this.total;
        this.nextPage += 1;
        if (page.items.length < this.perPage) this.exhausted = true;
      })
      .finally(() => (this.pending = undefined));
    return this.pending;
  }

  private unseen(items: readonly T[]): readonly T[] {
    const idOf = this.idOf;
    if (!idOf) return items;
    const seen = new Set(this.loaded.map(idOf));
    return items.filter((item) => {
      const id = idOf(item);
      if (id === undefined) return true;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
  }

  reset(): void {
    this.loaded = [];
    this.fetched = 0;
    this.nextPage = 1;
    this.total = undefined;
    this.exhausted = false;
  }
}

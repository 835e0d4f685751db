/** A list browsed page by page ("Load more"): what is loaded so far and whether more remains. */
import type { Page } from '../api/paging';

export class PagedList<T> {
  private loaded: T[] = [];
  private nextPage = 1;
  private total: number | undefined;
  private exhausted = false;
  private pending: Promise<void> | undefined;

  constructor(
    private readonly fetchPage: (pageNo: number, perPage: number) => Promise<Page<T>>,
    private readonly perPage: number,
  ) {}

  get items(): readonly T[] {
    return this.loaded;
  }

  get started(): boolean {
    return this.nextPage > 1 || this.exhausted;
  }

  get hasMore(): boolean {
    if (this.exhausted) return false;
    return this.total === undefined || this.loaded.length < this.total;
  }

  get totalCount(): number | undefined {
    return this.total;
  }

  /** Loads the next page; concurrent calls share one request. */
  loadMore(): Promise<void> {
    this.pending ??= this.fetchPage(this.nextPage, this.perPage)
      .then((page) => {
        this.loaded = [...this.loaded, ...page.items];
        this.total = page.paging?.totalCount ?? this.total;
        this.nextPage += 1;
        if (page.items.length < this.perPage) this.exhausted = true;
      })
      .finally(() => (this.pending = undefined));
    return this.pending;
  }

  reset(): void {
    this.loaded = [];
    this.nextPage = 1;
    this.total = undefined;
    this.exhausted = false;
  }
}

/** Walks every page of a list, wherever the endpoint puts its paging fields. */
import { isRecord, type Envelope } from './http';

export interface Paging {
  startOffset?: number;
  endOffset?: number;
  totalCount?: number;
}

export interface Page<T> {
  items: T[];
  paging?: Paging;
}

/** Top level for sessions and meetings, `data.paging` for a session's participants. */
export function readPaging(envelope: Envelope): Paging | undefined {
  const raw = isRecord(envelope.paging)
    ? envelope.paging
    : isRecord(envelope.data) && isRecord(envelope.data.paging)
      ? envelope.data.paging
      : undefined;
  if (!raw) return undefined;
  const num = (value: unknown) =>
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))
        ? Number(value)
        : undefined;
  return { startOffset: num(raw.start_offset), endOffset: num(raw.end_offset), totalCount: num(raw.total_count) };
}

/** Why a list stopped before the server said it ended, to show beside the list. */
export interface Truncation {
  reason: string;
}

/** One page's items; the last batch of a list that was cut short says why. */
export type PageItems<T> = T[] & { truncated?: Truncation };

/** Far above any real session's participants, yet a bound on a server that never ends its list. */
export const MAX_LIST_ITEMS = 50_000;

export interface PaginateOptions<T> {
  perPage: number;
  /** Pages fetched at once once the total is known. */
  concurrency?: number;
  signal?: AbortSignal;
  /** Items listed at most; MAX_LIST_ITEMS by default. */
  maxItems?: number;
  /** Identity of an item, to notice a server that ignores the page number and sends the same items again. */
  idOf?: (item: T) => string | undefined;
}

/**
 * Yields each page's items in order. The first page tells the total; the rest are then fetched with
 * bounded concurrency. Without a total it goes page by page. Either way it stops on an empty or short
 * page (the end), and on a page holding only items already listed or at maxItems (cut short: the last
 * batch yielded carries `truncated`).
 */
export async function* paginate<T>(
  fetchPage: (pageNo: number) => Promise<Page<T>>,
  options: PaginateOptions<T>,
): AsyncGenerator<PageItems<T>> {
  const { perPage, signal } = options;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const maxItems = options.maxItems ?? MAX_LIST_ITEMS;
  const walk = new Walk<T>(perPage, maxItems, options.idOf);
  const firstPage = await fetchPage(1);
  const first = walk.accept(firstPage, 1);
  if (first.items.length > 0 || first.items.truncated) yield first.items;
  if (first.last) return;
  const total = firstPage.paging?.totalCount;
  if (total === undefined) {
    for (let pageNo = 2; ; pageNo++) {
      signal?.throwIfAborted();
      const next = walk.accept(await fetchPage(pageNo), pageNo);
      if (next.items.length > 0 || next.items.truncated) yield next.items;
      if (next.last) return;
    }
  }
  const lastPage = Math.ceil(Math.min(total, maxItems) / perPage);
  const pending = new Map<number, Promise<Page<T>>>();
  let nextToStart = 2;
  const fill = () => {
    while (nextToStart <= lastPage && pending.size < concurrency) {
      const pageNo = nextToStart++;
      const promise = fetchPage(pageNo);
      promise.catch(() => undefined); // observed below; avoids an unhandled rejection while waiting in order
      pending.set(pageNo, promise);
    }
  };
  for (let pageNo = 2; pageNo <= lastPage; pageNo++) {
    signal?.throwIfAborted();
    fill();
    const page = await pending.get(pageNo)!;
    pending.delete(pageNo);
    const next = walk.accept(page, pageNo, pageNo === lastPage ? total : undefined);
    if (next.items.length > 0 || next.items.truncated) yield next.items;
    if (next.last) return;
  }
}

/** What has been listed so far, and whether a page ends the list or cuts it short. */
class Walk<T> {
  private readonly seen = new Set<string>();
  private count = 0;

  constructor(
    private readonly perPage: number,
    private readonly maxItems: number,
    private readonly idOf: ((item: T) => string | undefined) | undefined,
  ) {}

  /** `total` is the server's count, given with the last page that count asks for. */
  accept(page: Page<T>, pageNo: number, total?: number): { items: PageItems<T>; last: boolean } {
    const fresh = page.items.filter((item) => this.isNew(item));
    const items: PageItems<T> = fresh.slice(0, this.maxItems - this.count);
    this.count += items.length;
    const stop = (reason: string) => {
      items.truncated = { reason };
      return { items, last: true };
    };
    if (page.items.length > 0 && fresh.length === 0) {
      return stop(
        `the server sent page ${pageNo} again (every item on it was already listed), so the list stopped at ${count(this.count)} items`,
      );
    }
    const short = page.items.length < this.perPage;
    const beyondCap = total !== undefined ? total > this.maxItems : !short && this.count >= this.maxItems;
    if (fresh.length > items.length || beyondCap) {
      const said = total === undefined ? 'the server kept sending full pages' : `the server counts ${count(total)}`;
      return stop(`the list stopped at ${count(this.count)} items, the most listed at once: ${said}`);
    }
    return { items, last: short || total !== undefined };
  }

  private isNew(item: T): boolean {
    const id = this.idOf?.(item);
    if (id === undefined) return true;
    if (this.seen.has(id)) return false;
    this.seen.add(id);
    return true;
  }
}

const count = (value: number) => value.toLocaleString('en-US');

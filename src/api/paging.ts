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
  const raw = isRecord(envelope.paging) ? envelope.paging : isRecord(envelope.data) && isRecord(envelope.data.paging) ? envelope.data.paging : undefined;
  if (!raw) return undefined;
  const num = (value: unknown) => (typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : undefined);
  return { startOffset: num(raw.start_offset), endOffset: num(raw.end_offset), totalCount: num(raw.total_count) };
}

export interface PaginateOptions {
  perPage: number;
  /** Pages fetched at once once the total is known. */
  concurrency?: number;
  signal?: AbortSignal;
  /** Safety bound against a server that never sends a short page. */
  maxPages?: number;
}

/**
 * Yields each page's items in order. The first page tells the total; the rest are then fetched with
 * bounded concurrency. Without a total it goes page by page until an empty or short page.
 */
export async function* paginate<T>(fetchPage: (pageNo: number) => Promise<Page<T>>, options: PaginateOptions): AsyncGenerator<T[]> {
  const { perPage, signal } = options;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const maxPages = options.maxPages ?? 10_000;
  const first = await fetchPage(1);
  if (first.items.length > 0) yield first.items;
  if (first.items.length < perPage) return;
  const total = first.paging?.totalCount;
  if (total === undefined) {
    for (let pageNo = 2; pageNo <= maxPages; pageNo++) {
      signal?.throwIfAborted();
      const page = await fetchPage(pageNo);
      if (page.items.length > 0) yield page.items;
      if (page.items.length < perPage) return;
    }
    return;
  }
  const lastPage = Math.min(Math.ceil(total / perPage), maxPages);
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
    if (page.items.length > 0) yield page.items;
    if (page.items.length === 0) return;
  }
}

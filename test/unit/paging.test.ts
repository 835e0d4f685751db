import { strict as assert } from 'node:assert';
import { MAX_LIST_ITEMS, paginate, readPaging, type Page, type PageItems } from '../../src/api/paging';
import { maxOf } from '../../src/shared/extent';

function pagesOf(total: number, perPage: number, withTotal: boolean) {
  const calls: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const fetchPage = async (pageNo: number): Promise<Page<number>> => {
    calls.push(pageNo);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((resolve) => setTimeout(resolve, 2));
    inFlight--;
    const start = (pageNo - 1) * perPage;
    const items = Array.from({ length: Math.max(0, Math.min(perPage, total - start)) }, (_, i) => start + i);
    return { items, paging: withTotal ? { totalCount: total } : undefined };
  };
  return { fetchPage, calls, maxInFlight: () => maxInFlight };
}

async function collect(generator: AsyncGenerator<number[]>): Promise<number[]> {
  const all: number[] = [];
  for await (const page of generator) all.push(...page);
  return all;
}

describe('paginate', () => {
  it('fetches every page in order with bounded concurrency once the total is known', async () => {
    const source = pagesOf(1_650, 100, true);
    const all = await collect(paginate(source.fetchPage, { perPage: 100, concurrency: 4 }));
    assert.equal(all.length, 1_650);
    assert.deepEqual(all.slice(0, 3), [0, 1, 2]);
    assert.equal(all[1_649], 1_649);
    assert.equal(new Set(all).size, 1_650);
    assert.ok(source.maxInFlight() <= 4, `at most 4 in flight, saw ${source.maxInFlight()}`);
    assert.ok(source.maxInFlight() > 1, 'pages after the first are fetched concurrently');
  });

  it('walks page by page without a total, stopping on a short page', async () => {
    const source = pagesOf(250, 100, false);
    const all = await collect(paginate(source.fetchPage, { perPage: 100 }));
    assert.equal(all.length, 250);
    assert.deepEqual(source.calls, [1, 2, 3]);
  });

  it('stops on an empty page when the total is an exact multiple', async () => {
    const source = pagesOf(200, 100, false);
    const all = await collect(paginate(source.fetchPage, { perPage: 100 }));
    assert.equal(all.length, 200);
    assert.deepEqual(source.calls, [1, 2, 3]);
  });

  it('stops at once on an empty first page', async () => {
    const source = pagesOf(0, 100, true);
    assert.deepEqual(await collect(paginate(source.fetchPage, { perPage: 100 })), []);
    assert.deepEqual(source.calls, [1]);
  });

  describe('bounds against a server that never ends its list', () => {
    /** Every page full of new IDs, with the given total (or none). */
    const endless = (totalCount?: number) => {
      const calls: number[] = [];
      const fetchPage = async (pageNo: number): Promise<Page<{ id: string }>> => {
        calls.push(pageNo);
        return { items: Array.from({ length: 100 }, (_, i) => ({ id: `p${pageNo}-${i}` })), paging: { totalCount } };
      };
      return { fetchPage, calls };
    };
    /** The same page whatever page number is asked for. */
    const stuck = (totalCount?: number) => {
      const calls: number[] = [];
      const fetchPage = async (pageNo: number): Promise<Page<{ id: string }>> => {
        calls.push(pageNo);
        return { items: Array.from({ length: 100 }, (_, i) => ({ id: `same-${i}` })), paging: { totalCount } };
      };
      return { fetchPage, calls };
    };
    const idOf = (item: { id: string }) => item.id;

    async function walk<T>(generator: AsyncGenerator<PageItems<T>>): Promise<{ items: T[]; truncated?: string; batches: PageItems<T>[] }> {
      const batches: PageItems<T>[] = [];
      for await (const page of generator) batches.push(page);
      return { items: batches.flat(), truncated: batches.at(-1)?.truncated?.reason, batches };
    }

    it('stops full pages without a total at the item cap, and says why', async () => {
      const source = endless();
      const result = await walk(paginate(source.fetchPage, { perPage: 100, idOf }));
      assert.equal(MAX_LIST_ITEMS, 50_000);
      assert.equal(result.items.length, 50_000);
      assert.equal(source.calls.length, 500);
      assert.match(result.truncated ?? '', /stopped at 50,000 items.*kept sending full pages/);
      assert.ok(
        result.batches.slice(0, -1).every((batch) => batch.truncated === undefined),
        'only the last batch says why',
      );
    });

    it('does not follow a total_count of 1e12 beyond the cap', async () => {
      const source = endless(1e12);
      const result = await walk(paginate(source.fetchPage, { perPage: 100, concurrency: 8, idOf }));
      assert.equal(result.items.length, 50_000);
      assert.equal(maxOf(source.calls), 500);
      assert.match(result.truncated ?? '', /stopped at 50,000 items.*server counts 1,000,000,000,000/);
    });

    it('stops when a page repeats items already listed, with or without a total', async () => {
      for (const total of [undefined, 1e12]) {
        const source = stuck(total);
        const result = await walk(paginate(source.fetchPage, { perPage: 100, concurrency: 1, idOf }));
        assert.equal(result.items.length, 100, `total ${total}`);
        assert.deepEqual(source.calls, [1, 2], `total ${total}`);
        assert.match(result.truncated ?? '', /sent page 2 again/);
      }
    });

    it('drops the few items a live list shifts onto the next page, and goes on', async () => {
      const fetchPage = async (pageNo: number): Promise<Page<{ id: string }>> => {
        const start = (pageNo - 1) * 100 - (pageNo > 1 ? 2 : 0); // two items seen again on each later page
        return { items: Array.from({ length: Math.max(0, Math.min(100, 250 - start)) }, (_, i) => ({ id: `p${start + i}` })) };
      };
      const result = await walk(paginate(fetchPage, { perPage: 100, idOf }));
      assert.equal(result.items.length, 250);
      assert.equal(new Set(result.items.map((item) => item.id)).size, 250);
      assert.equal(result.truncated, undefined);
    });

    it('cuts a page larger than asked for at the cap', async () => {
      const fetchPage = async (): Promise<Page<{ id: string }>> => ({ items: Array.from({ length: 300 }, (_, i) => ({ id: `x${i}` })) });
      const result = await walk(paginate(fetchPage, { perPage: 100, maxItems: 120, idOf }));
      assert.equal(result.items.length, 120);
      assert.match(result.truncated ?? '', /stopped at 120 items/);
    });

    it('says nothing about a list that ends normally, also at exactly the cap', async () => {
      const exact = pagesOf(500, 100, true);
      const result = await walk(paginate(exact.fetchPage, { perPage: 100, maxItems: 500 }));
      assert.equal(result.items.length, 500);
      assert.equal(result.truncated, undefined);
    });
  });

  it('reads paging at the top level or inside data, numbers as strings included', () => {
    assert.deepEqual(readPaging({ paging: { start_offset: 1, end_offset: 20, total_count: 30 } }), {
      startOffset: 1,
      endOffset: 20,
      totalCount: 30,
    });
    assert.deepEqual(readPaging({ data: { paging: { total_count: '1600' } } }), {
      startOffset: undefined,
      endOffset: undefined,
      totalCount: 1600,
    });
    assert.equal(readPaging({ data: [] }), undefined);
  });
});

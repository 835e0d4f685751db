import { strict as assert } from 'node:assert';
import { paginate, readPaging, type Page } from '../../src/api/paging';

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

  it('reads paging at the top level or inside data, numbers as strings included', () => {
    assert.deepEqual(readPaging({ paging: { start_offset: 1, end_offset: 20, total_count: 30 } }), { startOffset: 1, endOffset: 20, totalCount: 30 });
    assert.deepEqual(readPaging({ data: { paging: { total_count: '1600' } } }), { startOffset: undefined, endOffset: undefined, totalCount: 1600 });
    assert.equal(readPaging({ data: [] }), undefined);
  });
});

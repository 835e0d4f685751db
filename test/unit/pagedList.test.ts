import { strict as assert } from 'node:assert';
import { PagedList } from '../../src/store/pagedList';

describe('PagedList (Load more)', () => {
  it('loads page after page until the total is reached, sharing concurrent loads', async () => {
    const calls: number[] = [];
    const list = new PagedList(async (pageNo, perPage) => {
      calls.push(pageNo);
      const start = (pageNo - 1) * perPage;
      return { items: Array.from({ length: Math.max(0, Math.min(perPage, 30 - start)) }, (_, i) => start + i), paging: { totalCount: 30 } };
    }, 25);
    assert.equal(list.started, false);
    await Promise.all([list.loadMore(), list.loadMore()]);
    assert.deepEqual(calls, [1]);
    assert.equal(list.items.length, 25);
    assert.equal(list.hasMore, true);
    await list.loadMore();
    assert.equal(list.items.length, 30);
    assert.equal(list.hasMore, false);
    list.reset();
    assert.equal(list.items.length, 0);
    assert.equal(list.started, false);
  });

  it('stops on a short page when no total is given', async () => {
    const list = new PagedList(async () => ({ items: [1, 2] }), 25);
    await list.loadMore();
    assert.equal(list.hasMore, false);
  });

  it('shows an item the next page repeats once (a session started between the pages)', async () => {
    const pages: Record<number, Array<{ id: string }>> = { 1: [{ id: 'c' }, { id: 'b' }], 2: [{ id: 'b' }, { id: 'a' }] };
    const list = new PagedList(
      async (pageNo) => ({ items: pages[pageNo] ?? [] }),
      2,
      (item) => item.id,
    );
    await list.loadMore();
    await list.loadMore();
    assert.deepEqual(
      list.items.map((item) => item.id),
      ['c', 'b', 'a'],
    );
    assert.equal(list.hasMore, true, 'a full page: there may be more');
  });

  it('counts a repeated item toward the total, so Load more ends with the list', async () => {
    // Page 1 said 3 sessions; one started before page 2, which says 4 and repeats "b".
    const pages: Record<number, { items: Array<{ id: string }>; total: number }> = {
      1: { items: [{ id: 'c' }, { id: 'b' }], total: 3 },
      2: { items: [{ id: 'b' }, { id: 'a' }], total: 4 },
    };
    const list = new PagedList(
      async (pageNo) => ({ items: pages[pageNo].items, paging: { totalCount: pages[pageNo].total } }),
      2,
      (item) => item.id,
    );
    await list.loadMore();
    await list.loadMore();
    assert.equal(list.items.length, 3);
    assert.equal(list.hasMore, false, 'the server has given all it counts');
  });
});

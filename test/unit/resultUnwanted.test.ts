import { strict as assert } from 'node:assert';
import { resultWanted, withoutResult } from '../../src/commands/support/resultUnwanted';

describe('Commands run with their result unwanted', () => {
  it('tells the work, however deep and late it runs, and nothing running beside it', async () => {
    const seen: Record<string, boolean> = {};
    let release!: () => void;
    const later = new Promise<void>((resolve) => (release = resolve));
    const unwanted = withoutResult(async () => {
      seen.first = resultWanted();
      await later;
      await new Promise((resolve) => setTimeout(resolve, 1));
      seen.deeper = await Promise.resolve().then(() => resultWanted());
      return 'a result nobody reads';
    });
    const beside = (async () => {
      await Promise.resolve();
      seen.beside = resultWanted();
    })();
    release();
    assert.equal(await unwanted, undefined, 'resolves to nothing');
    await beside;
    assert.deepEqual(seen, { first: false, deeper: false, beside: true });
    assert.equal(resultWanted(), true, 'wanted again once it is done');
  });

  it('fails as the work fails', async () => {
    await assert.rejects(
      withoutResult(() => Promise.reject(new Error('the command failed'))),
      /the command failed/,
    );
  });
});

import { strict as assert } from 'node:assert';
import { SAMPLE_ACCOUNT_ID, SAMPLE_APP_ID, SAMPLE_TOKEN, startSampleServer, STORY_SESSION_IDS } from '../../sample-server/index';

describe('sample server over a link of a set speed', function () {
  this.timeout(20_000);

  it('sends answers no faster than the link, which answers sent at once share, and the same bytes as without it', async () => {
    const fast = await startSampleServer();
    const slow = await startSampleServer({ linkMbps: 0.8 }); // 100 KB a second
    try {
      const path = `/accounts/${SAMPLE_ACCOUNT_ID}/realtime/kit/${SAMPLE_APP_ID}/sessions?per_page=100&session_id=${Object.values(STORY_SESSION_IDS)[0]}`;
      const get = async (baseUrl: string) => {
        const response = await fetch(baseUrl + path, { headers: { authorization: `Bearer ${SAMPLE_TOKEN}` } });
        return { length: response.headers.get('content-length'), text: await response.text() };
      };
      const expected = await get(fast.baseUrl);
      const started = performance.now();
      const answers = await Promise.all([get(slow.baseUrl), get(slow.baseUrl)]);
      const elapsed = performance.now() - started;
      for (const answer of answers) {
        assert.equal(answer.text, expected.text);
        assert.equal(answer.length, String(Buffer.byteLength(expected.text)), 'its length declared');
      }
      const bytes = 2 * Buffer.byteLength(expected.text);
      assert.ok(bytes > 20_000, `answers long enough to time: ${bytes} bytes`);
      // Each answer alone over the link would take half as long.
      assert.ok(elapsed >= bytes / 100 - 10, `${bytes} bytes at 100 KB/s take ${bytes / 100} ms or more: ${elapsed.toFixed(0)} ms`);
    } finally {
      await Promise.all([fast.close(), slow.close()]);
    }
  });
});

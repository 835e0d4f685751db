import { strict as assert } from 'node:assert';
import { compressed } from '../../sample-server/compression';
import { ReportCache } from '../../sample-server/reportCache';
import { ok } from '../../sample-server/responses';

describe('The sample server’s report cache', () => {
  /** A cache of 150 characters a pool (three answers of about 50), and a build that counts its calls. */
  function setUp() {
    const cache = new ReportCache(150);
    const builds: string[] = [];
    const report = (key: string, revision = 0) =>
      cache.response(`${key}#${revision}`, () => (builds.push(`${key}#${revision}`), ok({ key, revision })), revision);
    return { builds, report };
  }

  it('builds an answer once while it is kept, and drops the least recently used past its bound', () => {
    const { builds, report } = setUp();
    const first = report('a');
    assert.equal(report('a'), first, 'the same entry');
    for (const key of ['b', 'c', 'd']) report(key);
    assert.equal(report('d').text, JSON.stringify(ok({ key: 'd', revision: 0 }).body));
    report('a');
    assert.deepEqual(builds, ['a#0', 'b#0', 'c#0', 'd#0', 'a#0'], 'a was the oldest, and went');
  });

  it('keeps the reports as built however many revisions are asked for', () => {
    const { builds, report } = setUp();
    report('heavy');
    report('overview');
    for (let revision = 1; revision <= 20; revision++) report('heavy', revision);
    builds.length = 0;
    report('heavy');
    report('overview');
    assert.deepEqual(builds, [], 'both still kept');
    report('heavy', 1);
    assert.deepEqual(builds, ['heavy#1'], 'old revisions went, among themselves');
  });

  it('keeps an answer’s compressed forms with it, and compresses one it does not keep each time', () => {
    const { report } = setUp();
    const kept = report('a') as { text: string; encoded?: object };
    const body = compressed(kept, 'br');
    assert.equal(compressed(kept, 'br'), body, 'compressed once');
    assert.notEqual(compressed(kept, 'gzip'), body);
    const unkept = { text: kept.text };
    assert.notEqual(compressed(unkept, 'br'), compressed(unkept, 'br'));
    assert.deepEqual(compressed(unkept, 'br'), body);
  });
});

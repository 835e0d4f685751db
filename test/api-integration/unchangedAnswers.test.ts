/**
 * Fetching a shown target again against the sample server: answers the same as those on screen are
 * not read again, and the inspection on screen stands; any answer that differs is read, with every
 * other one, as a fresh inspection would.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RealtimeKitClient } from '../../src/api/client';
import { RequestScheduler } from '../../src/api/scheduler';
import type { AnalysedInspection } from '../../src/inspection/inspection';
import { inspectWithPeerReports, sessionParticipantStatistics } from '../../src/inspection/peerReports';
import { readRaw } from '../../src/inspection/worker/inspectOffThread';
import { statsWorker } from '../../src/inspection/worker/statsWorkerHost';
import { SampleControl } from '../fixtures/sampleControl';
import { buildStatsWorker } from '../fixtures/statsWorkerBundle';
import { SAMPLE_ACCOUNT_ID, SAMPLE_APP_ID, SAMPLE_TOKEN, sampleCatalog, startSampleServer, type SampleServer } from '../../sample-server';

/** Counts the jobs given to the stats worker until stopped, and which peers' reports it read (not kept from before). */
function countWorkerJobs() {
  const { analyse, readAhead } = statsWorker;
  const counter = {
    count: 0,
    peersRead: [] as string[],
    stop: () => Object.assign(statsWorker, { analyse, readAhead }),
  };
  statsWorker.analyse = (...args) => (counter.count++, analyse.apply(statsWorker, args));
  statsWorker.readAhead = async (...args) => {
    counter.count++;
    const read = await readAhead.apply(statsWorker, args);
    if (!read.kept) counter.peersRead.push(args[0]);
    return read;
  };
  return counter;
}

// As the API answers through Cloudflare too: compressed, kept so and decoded where read.
for (const compress of [false, true])
  describe(`Fetching a shown target again${compress ? ', its answers compressed' : ''}`, function () {
    this.timeout(60_000);
    const { sessionId, participantId, peerIds } = sampleCatalog().troubledParticipant;
    const target = { kind: 'sessionParticipant' as const, accountId: SAMPLE_ACCOUNT_ID, appId: SAMPLE_APP_ID, sessionId, participantId };
    let server: SampleServer;
    let dir: string;
    let inspect: (previous?: AnalysedInspection) => Promise<AnalysedInspection>;
    let client: RealtimeKitClient;

    before(async () => {
      server = await startSampleServer({ compress });
      client = new RealtimeKitClient({ baseUrl: server.baseUrl, getToken: () => SAMPLE_TOKEN });
      const scheduler = new RequestScheduler();
      inspect = async (previous) =>
        (await inspectWithPeerReports(client, scheduler, target, { refresh: true, previous })) as AnalysedInspection;
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rtk-unchanged-'));
      statsWorker.file = await buildStatsWorker(dir);
    });

    after(async () => {
      statsWorker.stop();
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('keeps the inspection on screen when every answer is the same, reading none of them', async () => {
      const scope = { accountId: SAMPLE_ACCOUNT_ID, appId: SAMPLE_APP_ID };
      const report = await client.getPeerReportText(scope, peerIds[0], { includePeerEvents: true });
      assert.equal(report.encoding, compress ? 'br' : undefined, 'kept as it came');
      const shown = await inspect();
      assert.deepEqual(Object.keys(shown.fingerprints?.peers ?? {}).sort(), [...peerIds].sort(), 'what was read');
      const jobs = countWorkerJobs();
      const again = await inspect(shown).finally(jobs.stop);
      assert.equal(jobs.count, 0, 'no answer went to the worker');
      assert.ok(again.checkedAt, 'checked now');
      assert.equal(again.fetchedAt, shown.fetchedAt, 'the data is that of the first fetch');
      assert.equal(again.wire, shown.wire, 'the very columns on screen');
      assert.deepEqual(again.fingerprints, shown.fingerprints);
      const summary = again.phases!.summary();
      assert.equal(summary.normaliseMs, 0, 'nothing parsed or normalised');
      assert.equal(summary.requests, 1 + peerIds.length, 'every answer was fetched');
      // Read a slice at a time (decoded in zlib's thread pool when compressed), then at once: the same answer.
      assert.deepEqual(await readRaw(again), shown.raw, 'its raw answer is read from the new bytes');
      assert.deepEqual(again.raw, shown.raw);
    });

    it('neither reads along nor reads again, in a new inspection, the reports the worker read last time', async () => {
      const shown = await inspect();
      const { getPeerReportText } = client;
      const asked: Array<string | undefined> = [];
      client.getPeerReportText = (...args) => (asked.push(args[3]?.lastFingerprint), getPeerReportText.apply(client, args));
      const jobs = countWorkerJobs();
      const again = await inspect().finally(() => {
        jobs.stop();
        client.getPeerReportText = getPeerReportText;
      });
      assert.deepEqual(jobs.peersRead, [], 'every report was the one the worker kept');
      assert.deepEqual(
        [...asked].sort(),
        peerIds.map((peerId) => shown.fingerprints!.peers[peerId]).sort(),
        'each fetched as a body that needs no reading along unless it differs from the one kept',
      );
      assert.deepEqual(again.wire, shown.wire);
    });

    it('analyses anew when one peer report differs from the one on screen, from every report', async () => {
      const shown = await inspect();
      const [changed, ...same] = peerIds;
      assert.ok(same.length > 0, 'the participant has more than one peer');
      const previous = {
        ...shown,
        fingerprints: { ...shown.fingerprints!, peers: { ...shown.fingerprints!.peers, [changed]: 'another report' } },
      };
      const again = await inspect(previous);
      assert.equal(again.checkedAt, undefined);
      assert.ok(again.fetchedAt >= shown.fetchedAt);
      assert.notEqual(again.wire, shown.wire, 'analysed anew');
      assert.deepEqual(again.wire, shown.wire, 'from every report: the same data as the first fetch');
      assert.deepEqual(again.fingerprints, shown.fingerprints);
    });

    it('reads only the report that changed, as in a LIVE call, and shows what a fresh panel would', async () => {
      const shown = await inspect();
      const changed = peerIds[peerIds.length - 1];
      await new SampleControl(server).revisePeerReports([changed]);
      const jobs = countWorkerJobs();
      const again = await inspect(shown).finally(jobs.stop);
      assert.deepEqual(jobs.peersRead, [changed], 'the peers that did not change were not read again');
      assert.notEqual(again.fingerprints!.peers[changed], shown.fingerprints!.peers[changed]);
      for (const peerId of peerIds.slice(0, -1)) assert.equal(again.fingerprints!.peers[peerId], shown.fingerprints!.peers[peerId]);
      assert.notDeepEqual(again.wire, shown.wire, 'the new report is in it');
      statsWorker.stop(); // a worker that keeps nothing from before
      assert.deepEqual((await inspect()).wire, again.wire, 'the same as reading every report anew');
      // A worker that started again since keeps nothing: the reports the same as those on screen are read after all.
      await new SampleControl(server).revisePeerReports([changed]);
      statsWorker.stop();
      const restarted = countWorkerJobs();
      const afterRestart = await inspect(again).finally(restarted.stop);
      assert.deepEqual([...restarted.peersRead].sort(), [...peerIds].sort());
      assert.notEqual(afterRestart.fingerprints!.peers[changed], again.fingerprints!.peers[changed]);
      assert.deepEqual((await inspect()).wire, afterRestart.wire);
    });

    it('reads every answer when the target’s own answer differs', async () => {
      const shown = await inspect();
      const previous = { ...shown, fingerprints: { ...shown.fingerprints!, answer: 'another answer' } };
      const again = await inspect(previous);
      assert.equal(again.checkedAt, undefined);
      assert.deepEqual(again.wire, shown.wire);
      assert.deepEqual(again.fingerprints, shown.fingerprints);
    });

    it('keeps an overview row’s statistics when its answers and list entry are the same, and reads them when its list entry changed', async () => {
      const scheduler = new RequestScheduler();
      const scope = { accountId: SAMPLE_ACCOUNT_ID, appId: SAMPLE_APP_ID };
      const listEntry = (await client.listSessionParticipants(scope, sessionId, { includePeerEvents: true })).items.find(
        (entry) => entry.id === participantId,
      )!;
      const statistics = (previous?: Awaited<ReturnType<typeof sessionParticipantStatistics>>, entry = listEntry) =>
        sessionParticipantStatistics(client, scheduler, scope, { sessionId, participantId }, { refresh: true, listEntry: entry, previous });
      const first = await statistics();
      assert.ok(first.row && first.fingerprints);
      assert.equal(await statistics(first), first, 'the same answers and list entry: the same statistics');
      const renamed = { ...listEntry, display_name: 'Someone Else' };
      const again = await statistics(first, renamed);
      assert.notEqual(again, first, 'another list entry: analysed anew');
      assert.equal(again.row?.displayName, 'Someone Else');
    });
  });

/** The session overview's engine against the sample server, in plain Node: analysis, Stop, Retry, the automatic limit, LIVE re-reads. */
import { strict as assert } from 'node:assert';
import {
  LIVE_SESSION_IDS,
  SAMPLE_ACCOUNT_ID,
  SAMPLE_APP_ID,
  SAMPLE_TOKEN,
  SCALE_SESSION_IDS,
  STORY_PARTICIPANTS,
  STORY_SESSION_IDS,
  startSampleServer,
  type SampleServer,
} from '../../sample-server';
import { RealtimeKitClient } from '../../src/api/client';
import { RequestScheduler } from '../../src/api/scheduler';
import { SessionOverviewRun } from '../../src/sessionAnalysis/sessionOverviewRun';
import { SampleControl } from '../fixtures/sampleControl';

const scope = { accountId: SAMPLE_ACCOUNT_ID, appId: SAMPLE_APP_ID };

describe('session overview run', function () {
  this.timeout(60_000);
  let server: SampleServer;
  let control: SampleControl;

  before(async () => {
    server = await startSampleServer({ port: 0, liveStepMs: 300 });
    control = new SampleControl(server);
  });

  after(async () => {
    await server.close();
  });

  const newClient = () => new RealtimeKitClient({ baseUrl: server.baseUrl, getToken: () => SAMPLE_TOKEN });

  function run(sessionId: string, autoAnalyseLimit = 100, changes: string[][] = [], client = newClient()): SessionOverviewRun {
    return new SessionOverviewRun({
      client,
      scheduler: new RequestScheduler(),
      scope,
      sessionId,
      autoAnalyseLimit,
      onChange: (ids) => changes.push([...ids]),
    });
  }

  it('analyses every participant, fills rows in as they arrive, and keeps a failing one as a row with its error', async () => {
    const changes: string[][] = [];
    const overview = run(STORY_SESSION_IDS.current, 100, changes);
    await overview.open(new AbortController().signal);
    assert.ok(overview.allRows().every((row) => row.state === 'waiting'));
    await overview.analyse();
    const rows = overview.allRows();
    assert.equal(rows.length, 11);
    assert.ok(changes.length > 11, 'changes reported row by row');
    const jordan = rows.find((row) => row.participantId === STORY_PARTICIPANTS.current.jordan.id)!;
    assert.equal(jordan.state, 'failed');
    assert.match(jordan.error ?? '', /500/);
    assert.match(overview.verdictLine(), /3 of 11 participants had a poor call/);
    assert.equal(overview.progress().analysed, 11);
  });

  it('retries one participant on request', async () => {
    const overview = run(STORY_SESSION_IDS.current);
    await overview.open(new AbortController().signal);
    const marcus = STORY_PARTICIPANTS.current.marcus.id;
    await control.injectFault({ match: `/participants/${marcus}`, status: 404, times: 1 });
    await overview.analyse([marcus]);
    assert.equal(overview.rowsOf([marcus])[0].state, 'failed');
    await overview.analyse([marcus], true);
    assert.equal(overview.rowsOf([marcus])[0].state, 'analysed');
  });

  it('finishes participants one after another: the first verdicts come while most have not begun', async () => {
    const changes: string[][] = [];
    const overview = run(SCALE_SESSION_IDS.hundredTwoPeers, 100, changes);
    await overview.open(new AbortController().signal);
    let notBegunAtFirstVerdict: number | undefined;
    const analysing = overview.analyse();
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        const rows = overview.allRows();
        if (!rows.some((row) => row.analysed)) return;
        notBegunAtFirstVerdict = rows.filter((row) => row.state === 'waiting').length;
        clearInterval(check);
        resolve();
      }, 1);
    });
    await analysing;
    // First in, first out, every participant's details were asked for before any peer's report.
    assert.ok(notBegunAtFirstVerdict! >= 50, `${notBegunAtFirstVerdict} of 100 not begun at the first verdict`);
    assert.equal(overview.progress().analysed, 100);
  });

  it('Stop: no request starts after it, and rows not analysed say so', async () => {
    const overview = run(SCALE_SESSION_IDS.hundredTwoPeers);
    await overview.open(new AbortController().signal);
    const analysing = overview.analyse();
    await new Promise((resolve) => setTimeout(resolve, 30));
    overview.stop();
    await analysing;
    const startedBefore = (await control.requests()).length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal((await control.requests()).length, startedBefore, 'nothing started after Stop');
    const rows = overview.allRows();
    assert.ok(
      rows.some((row) => row.state === 'skipped' && !row.analysed),
      'stopped rows are not analysed',
    );
    assert.ok(rows.length === 100);
    const left = rows.filter((row) => !row.analysed).length;
    assert.equal(overview.progress().pendingAnalyseAll?.participants, left, 'the rest can be analysed after a Stop');
  });

  it('asks again for what a Refresh dropped in flight, so no row is left unanalysed', async () => {
    const client = newClient();
    const overview = run(STORY_SESSION_IDS.legacy, 100, [], client);
    await overview.open(new AbortController().signal);
    await control.injectFault({ match: '/participants/', delayMs: 300, times: 3 });
    const analysing = overview.analyse();
    await new Promise((resolve) => setTimeout(resolve, 100));
    client.dropInFlight();
    await analysing;
    const rows = overview.allRows();
    assert.deepEqual(
      rows.filter((row) => !row.analysed).map((row) => row.displayName),
      [],
      'every row analysed',
    );
    assert.equal(overview.progress().pendingAnalyseAll, undefined);
  });

  it('asks again for a participant some of whose peer reports a Refresh dropped, so no verdict stands on part of a call', async () => {
    const client = newClient();
    const overview = run(STORY_SESSION_IDS.current, 100, [], client);
    await overview.open(new AbortController().signal);
    // Mateo's second peer report is slow: the Refresh drops it while his other two are read.
    const mateo = STORY_PARTICIPANTS.current.mateo;
    await control.injectFault({ match: `/peer-report/${mateo.peerIds[1]}`, delayMs: 1_000, times: 1 });
    const analysing = overview.analyse([mateo.id]);
    for (let waited = 0; !(await control.requests()).some((entry) => entry.path.includes(mateo.peerIds[1])); waited += 20) {
      assert.ok(waited < 10_000, 'the slow report is asked for');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    client.dropInFlight();
    await analysing;
    const [row] = overview.rowsOf([mateo.id]);
    assert.equal(row.state, 'analysed');
    assert.equal(row.error, undefined, 'every peer report read');
  });

  it('ignores a Retry for a participant it does not list, and is not left running', async () => {
    const overview = run(STORY_SESSION_IDS.current);
    await overview.open(new AbortController().signal);
    await overview.analyse(['not-a-participant']);
    assert.equal(overview.progress().running, false);
  });

  it('above the automatic limit opens the list without analysing, and says what Analyse all costs', async () => {
    await control.clearRequests();
    const overview = run(SCALE_SESSION_IDS.hundredTwoPeers, 50);
    await overview.open(new AbortController().signal);
    assert.equal(overview.autoAnalyses, false);
    assert.ok(overview.allRows().every((row) => row.state === 'skipped'));
    const pending = overview.progress().pendingAnalyseAll;
    assert.equal(pending?.participants, 100);
    assert.equal(pending?.requests, 300, 'details plus one report per peer');
    assert.ok((pending?.estimatedSeconds ?? 0) >= 75, '300 requests at 1,200 per 5 minutes take at least 75 s');
    assert.ok((await control.requests()).every((entry) => !entry.path.includes('peer-report')));
  });

  it('re-reads a LIVE session and analyses the newcomers', async () => {
    const overview = run(LIVE_SESSION_IDS.current);
    await overview.open(new AbortController().signal);
    assert.equal(overview.isLive, true);
    await overview.analyse();
    const before = overview.allRows().length;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await overview.poll(new AbortController().signal);
    const after = overview.allRows();
    assert.ok(after.length > before, `${before} then ${after.length} participants`);
    assert.ok(
      after.every((row) => row.analysed),
      'newcomers analysed',
    );
  });
});

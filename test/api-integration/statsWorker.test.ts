/**
 * The stats worker against the sample server: what the worker thread sends back for a participant's
 * answers equals what the host's own functions (normalise, merge, analyse, columns) make of them.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { detectIssues, verdictOf } from '../../src/analysis/detectIssues';
import { RealtimeKitClient, type Scope } from '../../src/api/client';
import { normalizeParticipant } from '../../src/api/normalize';
import { mergePeerReports, peersToRead } from '../../src/inspection/mergePeerReports';
import { PeerReportsReadAhead, type AnswersResult } from '../../src/inspection/worker/analyseAnswers';
import { StatsWorker } from '../../src/inspection/worker/statsWorkerHost';
import { digestPeers } from '../../src/sessionAnalysis/attributionDigest';
import { analyseParticipant } from '../../src/sessionAnalysis/participantAnalysis';
import { previewParticipant } from '../../src/shared/previewColumns';
import { toWireParticipant } from '../../src/shared/wire';
import {
  HEAVY_PARTICIPANTS,
  SAMPLE_ACCOUNT_ID,
  SAMPLE_APP_ID,
  SAMPLE_TOKEN,
  sampleCatalog,
  SCALE_SESSION_IDS,
  startSampleServer,
  type SampleServer,
} from '../../sample-server';
import { buildStatsWorker } from '../fixtures/statsWorkerBundle';

const scope: Scope = { accountId: SAMPLE_ACCOUNT_ID, appId: SAMPLE_APP_ID };
const catalog = sampleCatalog();

/**
 * A body's UTF-8 bytes in three pieces, as a fetch hands them over: each its own buffer, and the first
 * cut inside a multi-byte character when there is one.
 */
function pieces(text: string): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  const multiByte = bytes.findIndex((byte) => byte >= 0xc0);
  const first = multiByte > 0 ? multiByte + 1 : Math.floor(bytes.length / 3);
  const cuts = [0, first, Math.floor((first + bytes.length) / 2), bytes.length];
  return cuts.slice(1).map((end, index) => bytes.slice(cuts[index], end));
}

describe('The stats worker', function () {
  this.timeout(60_000);
  let server: SampleServer;
  let dir: string;
  let client: RealtimeKitClient;

  before(async () => {
    server = await startSampleServer();
    client = new RealtimeKitClient({ baseUrl: server.baseUrl, getToken: () => SAMPLE_TOKEN });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rtk-stats-worker-'));
    await buildStatsWorker(dir);
  });

  after(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("sends back the host's own analysis of a participant and its peers' reports", async () => {
    const ids = { sessionId: catalog.currentSession.id, participantId: catalog.currentSession.participants[0].id };
    const text = (await client.getSessionParticipantText(scope, ids, { includePeerEvents: true })).text;
    const target = { kind: 'sessionParticipant' as const, sessionId: ids.sessionId };
    const worker = new StatsWorker(path.join(dir, 'statsWorker.js'));
    const warnings: string[] = [];
    worker.log = { warn: (message) => warnings.push(message) };
    try {
      const first = await worker.analyse({ target, text });
      assert.equal(first.kind, 'needPeers');
      const peerIds = (first as Extract<AnswersResult, { kind: 'needPeers' }>).peerIds;
      const peers = await Promise.all(
        peerIds.map(async (peerId) => ({
          peerId,
          text: (await client.getPeerReportText(scope, peerId, { includePeerEvents: true })).text,
        })),
      );
      // As the host sends them: the bytes in the pieces they came in, joined and decoded in the worker.
      const result = await worker.analyse({
        target,
        text: pieces(text),
        peers: peers.map((peer) => ({ ...peer, text: pieces(peer.text) })),
      });
      assert.equal(result.kind, 'analysed');
      const analysed = result as Extract<AnswersResult, { kind: 'analysed' }>;

      // The in-process path, as the host ran it before the worker.
      const own = normalizeParticipant('sessionParticipant', JSON.parse(text).data, { sessionId: ids.sessionId });
      assert.deepEqual(peersToRead(own), peerIds);
      const reports = peers.map(({ peerId, text: report }) => normalizeParticipant('peer', JSON.parse(report).data, { peerId }));
      const participant = mergePeerReports(own, reports);
      const issues = detectIssues(participant);
      assert.deepEqual(analysed.issues, issues);
      assert.deepEqual(analysed.verdict, verdictOf(issues, participant));
      assert.deepEqual(analysed.participant, toWireParticipant(participant));
      assert.deepEqual(analysed.peerProblems, []);
      assert.ok(
        analysed.participant.peerStats.some((peer) => peer.tracks.length > 0),
        'the sample has statistics',
      );
      assert.deepEqual(warnings, [], 'the worker ran');
    } finally {
      worker.stop();
    }
  });

  it("cuts a long participant's first-paint preview in the worker, as the panel would on the host", async () => {
    const peerId = HEAVY_PARTICIPANTS.heavy.peerIds[0];
    const text = (await client.getPeerReportText(scope, peerId, { includePeerEvents: true })).text;
    const worker = new StatsWorker(path.join(dir, 'statsWorker.js'));
    try {
      const result = await worker.analyse({ target: { kind: 'peer', peerId }, text: pieces(text) });
      assert.equal(result.kind, 'analysed');
      const analysed = result as Extract<AnswersResult, { kind: 'analysed' }>;
      assert.ok(analysed.preview, 'a 20,000-sample peer gets a preview');
      assert.deepEqual(analysed.preview, previewParticipant(analysed.participant));
      const buffers = new Set(analysed.preview.peerStats.flatMap((peer) => peer.tracks.map((track) => track.columns.t.buffer)));
      assert.equal(buffers.size, 1, 'packed in one buffer');
      assert.notEqual([...buffers][0], analysed.participant.peerStats[0].tracks[0].columns.t.buffer, 'apart from the full columns');
      // A participant of three such peers: each peer's preview in a buffer of its own, for a first paint to send one alone.
      const heavy = HEAVY_PARTICIPANTS.heavy;
      const ids = { sessionId: SCALE_SESSION_IDS.heavy, participantId: heavy.id };
      const participantText = (await client.getSessionParticipantText(scope, ids, { includePeerEvents: true })).text;
      const peers = await Promise.all(
        heavy.peerIds.map(async (id) => ({
          peerId: id,
          text: (await client.getPeerReportText(scope, id, { includePeerEvents: true })).text,
        })),
      );
      const target = { kind: 'sessionParticipant' as const, sessionId: ids.sessionId };
      const three = (await worker.analyse({ target, text: participantText, peers })) as Extract<AnswersResult, { kind: 'analysed' }>;
      assert.equal(three.kind, 'analysed');
      const perPeer = three.preview!.peerStats.map((peer) => new Set(peer.tracks.map((track) => track.columns.t.buffer)));
      assert.deepEqual(
        perPeer.map((peerBuffers) => peerBuffers.size),
        [1, 1, 1],
      );
      assert.equal(new Set(perPeer.flatMap((peerBuffers) => [...peerBuffers])).size, 3, 'a buffer per peer');
      // The overview and compare never paint a preview: none is made for them.
      const digestOnly = await worker.analyse({ target: { kind: 'peer', peerId }, text, digest: true });
      assert.equal((digestOnly as Extract<AnswersResult, { kind: 'analysed' }>).preview, undefined);
    } finally {
      worker.stop();
    }
  });

  /** A peer's report, Brotli-compressed as the API sends it, and the worker's analysis of its text. */
  async function compressedReport(worker: StatsWorker, peerId: string) {
    const text = (await client.getPeerReportText(scope, peerId, { includePeerEvents: true })).text;
    const target = { kind: 'peer' as const, peerId };
    const expected = await worker.analyse({ target, text });
    assert.equal(expected.kind, 'analysed');
    return { target, expected, compressed: zlib.brotliCompressSync(text, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } }) };
  }

  /** Compressed bytes pushed into the worker in pieces, as they arrive: the ID a job lends to have them read along. */
  function readAlongInPieces(worker: StatsWorker, bytes: Uint8Array, pieceBytes: number): number {
    const along = worker.readAlong('br');
    assert.ok(along, 'the worker runs');
    for (let at = 0; at < bytes.length; at += pieceBytes) along.push(bytes.subarray(at, at + pieceBytes));
    along.end(true);
    return along.id;
  }

  it("analyses a 20,000-sample report read along, its rows read as they were parsed, as it analyses the report's text", async () => {
    const worker = new StatsWorker(path.join(dir, 'statsWorker.js'));
    try {
      const { target, expected, compressed } = await compressedReport(worker, HEAVY_PARTICIPANTS.heavy.peerIds[0]);
      const readAlong = readAlongInPieces(worker, compressed, 16 * 1024);
      const read = await worker.analyse({ target, text: { chunks: [new Uint8Array(3)], readAlong, encoding: 'br' } });
      assert.deepEqual({ ...read, times: expected.times }, expected);
    } finally {
      worker.stop();
    }
  });

  /** The troubled participant's own answer (issues on several peers) and a stats worker, or its stand-in on this thread. */
  async function troubledParticipant(where: string) {
    const ids = { sessionId: catalog.troubledParticipant.sessionId, participantId: catalog.troubledParticipant.participantId };
    const text = (await client.getSessionParticipantText(scope, ids, { includePeerEvents: true })).text;
    const target = { kind: 'sessionParticipant' as const, sessionId: ids.sessionId };
    const worker = new StatsWorker(path.join(dir, where === 'in the worker' ? 'statsWorker.js' : 'missing.js'));
    worker.log = { warn: () => undefined };
    return { text, target, worker };
  }

  /** Each of the troubled participant's peers' reports, and its fingerprint. */
  const troubledPeerReports = () =>
    Promise.all(
      catalog.troubledParticipant.peerIds.map(async (peerId) => {
        const answer = await client.getPeerReportText(scope, peerId, { includePeerEvents: true });
        return { peerId, text: answer.text, fingerprint: answer.fingerprint };
      }),
    );

  for (const where of ['in the worker', 'on this thread when the worker cannot start']) {
    it(`reads peer reports ahead as they come, and analyses them as it would their text (${where})`, async () => {
      // One with issues on several peers: those of a report read ahead are found as it comes.
      const { text, target, worker } = await troubledParticipant(where);
      try {
        const first = (await worker.analyse({ target, text })) as Extract<AnswersResult, { kind: 'needPeers' }>;
        const peers = await Promise.all(
          first.peerIds.map(async (peerId) => ({
            peerId,
            text: (await client.getPeerReportText(scope, peerId, { includePeerEvents: true })).text,
          })),
        );
        const reads = await Promise.all(peers.map((peer) => worker.readAhead(peer.peerId, peer.text)));
        assert.ok(
          reads.every((read) => read.times.parseMs.length === 1 && read.times.normaliseMs > 0),
          'each read says what parsing and normalising took',
        );
        const readAhead = peers.map(({ peerId }, index) => ({ peerId, readAhead: reads[index].key }));
        const ahead = await worker.analyse({ target, text, peers: readAhead });
        const whole = await worker.analyse({ target, text, peers });
        assert.equal(ahead.kind, 'analysed');
        assert.ok(ahead.kind === 'analysed' && new Set(ahead.issues.map((issue) => issue.peerId)).size > 1, 'issues on several peers');
        const { times: _aheadTimes, ...aheadResult } = ahead;
        const { times: _wholeTimes, ...wholeResult } = whole;
        assert.deepEqual(aheadResult, wholeResult);
        // Taken by the analysis: the same keys again find nothing, and say so.
        await assert.rejects(worker.analyse({ target, text, peers: readAhead }), /was lost before it was analysed/);
        // Released unused, a report is gone too.
        const unused = await worker.readAhead(peers[0].peerId, peers[0].text);
        worker.release([unused.key]);
        await assert.rejects(worker.analyse({ target, text, peers: [{ peerId: peers[0].peerId, readAhead: unused.key }] }), /was lost/);
      } finally {
        worker.stop();
      }
    });
  }

  for (const where of ['in the worker', 'on this thread when the worker cannot start']) {
    it(`keeps the last report read of each peer, and reads a peer's report again only when its bytes differ (${where})`, async () => {
      const { text, target, worker } = await troubledParticipant(where);
      const peers = await troubledPeerReports();
      try {
        const analyse = async (reads: Array<{ key: number }>) => {
          const result = await worker.analyse({
            target,
            text,
            peers: peers.map(({ peerId }, index) => ({ peerId, readAhead: reads[index].key })),
          });
          const { times: _times, ...rest } = result;
          return rest;
        };
        const read = (fingerprint: (peer: (typeof peers)[number]) => string | undefined) =>
          Promise.all(peers.map((peer) => worker.readAhead(peer.peerId, peer.text, fingerprint(peer))));
        const first = await read((peer) => peer.fingerprint);
        assert.deepEqual(
          first.map((report) => report.kept),
          peers.map(() => undefined),
          'read, the first time',
        );
        assert.deepEqual(
          peers.map((peer) => worker.lastReportRead(peer.peerId)),
          peers.map((peer) => peer.fingerprint),
          'the host knows which reports are kept',
        );
        const expected = await analyse(first);
        const again = await read((peer) => peer.fingerprint);
        assert.deepEqual(
          again.map((report) => report.kept),
          peers.map(() => true),
          'the same bytes: not read again',
        );
        assert.ok(again.every((report) => report.times.parseMs.length === 0 && report.times.normaliseMs === 0));
        assert.deepEqual(await analyse(again), expected, 'and analysed as when they were read');
        const other = await read((peer) => (peer === peers[0] ? 'other bytes' : peer.fingerprint));
        assert.deepEqual(
          other.map((report) => report.kept),
          [undefined, ...peers.slice(1).map(() => true)],
          'only the changed one is read',
        );
        assert.deepEqual(await analyse(other), expected);
        assert.equal(worker.lastReportRead(peers[0].peerId), 'other bytes');
        const unsaid = await read(() => undefined);
        assert.ok(
          unsaid.every((report) => !report.kept),
          'without a fingerprint every report is read',
        );
        assert.equal(worker.lastReportRead(peers[0].peerId), 'other bytes', 'and the one kept stays');
        worker.release(unsaid.map((report) => report.key));
      } finally {
        worker.stop();
      }
      assert.equal(worker.lastReportRead(peers[0].peerId), undefined, 'a stopped worker keeps none');
    });
  }

  it('keeps the last reports read while their answers add up to no more than the bound, the oldest going first', async () => {
    const [a, b] = await troubledPeerReports();
    const bytes = (text: string) => Buffer.byteLength(text);
    // Room for the larger one of the two and no more.
    const store = new PeerReportsReadAhead(Math.max(bytes(a.text), bytes(b.text)));
    let key = 0;
    const keptAgain = (peer: typeof a) => store.read(key++, peer.peerId, peer.text, peer.fingerprint).kept === true;
    assert.deepEqual(store.read(key++, a.peerId, a.text, a.fingerprint).forgotten, []);
    assert.equal(keptAgain(a), true);
    const second = store.read(key++, b.peerId, b.text, b.fingerprint);
    assert.deepEqual([second.remembered, second.forgotten], [true, [a.peerId]], 'says which went');
    assert.equal(keptAgain(b), true, 'the newest stays');
    assert.equal(keptAgain(a), false, 'the oldest went to make room, and is read again');
    const alone = new PeerReportsReadAhead(1).read(key++, a.peerId, a.text, a.fingerprint);
    assert.deepEqual([alone.remembered, alone.forgotten], [false, [a.peerId]], 'alone over the bound: not kept');
  });

  it('uses a body it parsed as it arrived, once, and reads the pieces lent when that is gone', async () => {
    const peerId = catalog.currentSession.participants[0].peerIds[0];
    const text = (await client.getPeerReportText(scope, peerId, { includePeerEvents: true })).text;
    const worker = new StatsWorker(path.join(dir, 'statsWorker.js'));
    try {
      const target = { kind: 'peer' as const, peerId };
      const expected = await worker.analyse({ target, text });
      assert.equal(expected.kind, 'analysed');
      const readAlong = (complete: boolean) => {
        const along = worker.readAlong();
        assert.ok(along, 'the worker runs');
        for (const piece of pieces(text)) along.push(piece);
        along.end(complete);
        // Lent with the job, pieces that are not the body: only the text decoded along gives the analysis.
        return { chunks: [new TextEncoder().encode('not JSON')], readAlong: along.id };
      };
      const body = readAlong(true);
      const first = await worker.analyse({ target, text: body });
      assert.deepEqual({ ...first, times: expected.times }, expected, 'the body read along');
      assert.equal((await worker.analyse({ target, text: body })).kind, 'problem', 'taken once: then the pieces are read');
      const forgotten = readAlong(true);
      worker.forget([forgotten.readAlong, undefined]);
      assert.equal((await worker.analyse({ target, text: forgotten })).kind, 'problem', 'forgotten');
      assert.equal((await worker.analyse({ target, text: readAlong(false) })).kind, 'problem', 'dropped unfinished');
    } finally {
      worker.stop();
    }
  });

  it('decodes a compressed body itself, read along as it came or lent whole, and reads it as its text', async () => {
    const worker = new StatsWorker(path.join(dir, 'statsWorker.js'));
    try {
      const { target, expected, compressed } = await compressedReport(worker, catalog.currentSession.participants[0].peerIds[0]);
      const same = (result: AnswersResult, what: string) => assert.deepEqual({ ...result, times: expected.times }, expected, what);
      const readAlong = (bytes: Uint8Array) => readAlongInPieces(worker, bytes, 4096);
      // Lent pieces that are not the body: only the text decoded along gives the analysis.
      same(
        await worker.analyse({ target, text: { chunks: [new Uint8Array(3)], readAlong: readAlong(compressed), encoding: 'br' } }),
        'read along',
      );
      same(await worker.analyse({ target, text: { chunks: [new Uint8Array(compressed)], encoding: 'br' } }), 'lent whole');
      // Pieces that do not decode leave nothing read along: the body lent is read instead.
      const broken = readAlong(new TextEncoder().encode('not Brotli at all'));
      same(
        await worker.analyse({ target, text: { chunks: [new Uint8Array(compressed)], readAlong: broken, encoding: 'br' } }),
        'read again',
      );
      const unreadable = await worker
        .analyse({ target, text: { chunks: [new Uint8Array(3)], encoding: 'br' } })
        .catch((error: Error) => error);
      assert.match(String(unreadable), /could not be decompressed/);
    } finally {
      worker.stop();
    }
  });

  it('sends a body read along in batches of about 512 KB, not a message per piece, and reads it as the whole text', async () => {
    const peerId = catalog.currentSession.participants[0].peerIds[0];
    const text = (await client.getPeerReportText(scope, peerId, { includePeerEvents: true })).text;
    // Padded past a few batches with blank space: still the same JSON.
    const body = new TextEncoder().encode(`${' '.repeat(1_300_000)}${text}`);
    const worker = new StatsWorker(path.join(dir, 'statsWorker.js'));
    try {
      const target = { kind: 'peer' as const, peerId };
      const expected = await worker.analyse({ target, text });
      const along = worker.readAlong();
      assert.ok(along, 'the worker runs');
      const thread = (worker as unknown as { worker: { postMessage: (message: unknown, transfer?: unknown) => void } }).worker;
      const batches: number[] = [];
      const postMessage = thread.postMessage.bind(thread);
      thread.postMessage = (message, transfer) => {
        const chunk = (message as { chunk?: Uint8Array }).chunk;
        if (chunk) batches.push(chunk.byteLength);
        postMessage(message, transfer);
      };
      const pieces: Uint8Array[] = [];
      for (let offset = 0; offset < body.length; offset += 16 * 1024 + 1) pieces.push(body.slice(offset, offset + 16 * 1024 + 1));
      for (const piece of pieces) along.push(piece);
      along.end(true);
      const piecesPerBatch = Math.ceil((512 * 1024) / pieces[0].byteLength);
      assert.equal(batches.length, Math.ceil(pieces.length / piecesPerBatch), `batches of ${batches.join(', ')} bytes`);
      assert.equal(
        batches.reduce((sum, bytes) => sum + bytes, 0),
        body.length,
      );
      assert.ok(
        pieces.every((piece) => piece.byteLength > 0),
        'the pieces pushed stay the caller’s (copied, not transferred)',
      );
      const read = await worker.analyse({ target, text: { chunks: [new TextEncoder().encode('not JSON')], readAlong: along.id } });
      assert.deepEqual({ ...read, times: expected.times }, expected, 'the body read along');
    } finally {
      worker.stop();
    }
  });

  it('lends an answer to the worker and gets it back whole, not copied, even to two jobs at once', async () => {
    const peerId = catalog.currentSession.participants[0].peerIds[0];
    const answer = await client.getPeerReportText(scope, peerId, { includePeerEvents: true });
    const sent = answer.chunks;
    assert.ok(sent.length > 0);
    const expected = answer.text;
    const worker = new StatsWorker(path.join(dir, 'statsWorker.js'));
    try {
      const target = { kind: 'peer' as const, peerId };
      const [first, second] = await Promise.all([worker.analyse({ target, text: answer }), worker.analyse({ target, text: answer })]);
      assert.equal(first.kind, 'analysed');
      assert.deepEqual(second, { ...first, times: second.times }, 'the job that waited for the body got the same analysis');
      assert.ok(
        sent.every((chunk) => chunk.byteLength === 0),
        'the bytes went to the worker (transferred, so the arrays left here are empty)',
      );
      assert.notEqual(answer.chunks, sent, 'the answer holds the bytes that came back');
      assert.equal(answer.text, expected);
    } finally {
      worker.stop();
    }
  });

  it("sends the overview's row and attribution digest of a participant, transferred", async () => {
    const session = catalog.currentSession;
    const ids = { sessionId: session.id, participantId: session.participants[0].id };
    const listEntry = (await client.listSessionParticipants(scope, ids.sessionId, { includePeerEvents: true })).items.find(
      (entry) => entry.id === ids.participantId,
    )!;
    const text = (await client.getSessionParticipantText(scope, ids, { includePeerEvents: true })).text;
    const target = { kind: 'sessionParticipant' as const, sessionId: ids.sessionId };
    const own = normalizeParticipant('sessionParticipant', JSON.parse(text).data, { sessionId: ids.sessionId });
    const peers = await Promise.all(
      peersToRead(own).map(async (peerId) => ({
        peerId,
        text: (await client.getPeerReportText(scope, peerId, { includePeerEvents: true })).text,
      })),
    );
    const worker = new StatsWorker(path.join(dir, 'statsWorker.js'));
    try {
      const result = await worker.analyse({ target, text, peers, listEntry });
      assert.equal(result.kind, 'analysed');
      const analysed = result as Extract<AnswersResult, { kind: 'analysed' }>;
      const participant = mergePeerReports(
        own,
        peers.map(({ peerId, text: report }) => normalizeParticipant('peer', JSON.parse(report).data, { peerId })),
      );
      assert.deepEqual(analysed.row, analyseParticipant(listEntry, participant));
      assert.deepEqual(analysed.digest, digestPeers(participant.peerStats));
      assert.ok(
        analysed.digest!.some((peer) => peer.tracks.some((track) => track.measured && track.measured.t.length > 0)),
        'send-side times',
      );
    } finally {
      worker.stop();
    }
  });

  it('works on this thread, and says so, when the worker cannot start', async () => {
    const worker = new StatsWorker(path.join(dir, 'missing.js'));
    const warnings: string[] = [];
    worker.log = { warn: (message) => warnings.push(message) };
    const peerId = catalog.currentSession.participants[0].peerIds[0];
    const text = (await client.getPeerReportText(scope, peerId, { includePeerEvents: true })).text;
    const result = await worker.analyse({ target: { kind: 'peer', peerId }, text });
    assert.equal(result.kind, 'analysed');
    assert.equal(warnings.length, 1);
  });

  it('reports a malformed answer as a problem for the host to throw', async () => {
    const worker = new StatsWorker(path.join(dir, 'statsWorker.js'));
    try {
      const result = await worker.analyse({
        target: { kind: 'peer', peerId: 'p' },
        text: '{"success":false,"error":{"code":7,"message":"no"}}',
      });
      assert.deepEqual(
        { kind: result.kind, problem: 'problem' in result ? result.problem : undefined },
        {
          kind: 'problem',
          problem: { kind: 'apiFailure', apiCode: 7, apiMessage: 'no' },
        },
      );
    } finally {
      worker.stop();
    }
  });
});

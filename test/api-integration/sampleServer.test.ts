import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { get, type IncomingHttpHeaders } from 'node:http';
import { resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import {
  ATTRIBUTION_PARTICIPANTS,
  SAMPLE_ACCOUNT_ID,
  SAMPLE_APP_ID,
  SAMPLE_TOKEN,
  SAMPLE_TOKEN_NO_PERMISSION,
  sampleCatalog,
  startSampleServer,
  STORY_PARTICIPANTS,
  STORY_SESSION_IDS,
  type SampleServer,
} from '../../sample-server/index';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('sample RealtimeKit server', function () {
  this.timeout(20_000);
  let server: SampleServer;
  let kit: string;
  const catalog = sampleCatalog();

  before(async () => {
    server = await startSampleServer({ port: 0 });
    kit = `${server.baseUrl}/accounts/${SAMPLE_ACCOUNT_ID}/realtime/kit`;
  });
  after(() => server.close());
  afterEach(async () => {
    await fetch(`http://127.0.0.1:${server.port}/__control/faults`, { method: 'DELETE' });
  });

  async function call(
    path: string,
    init: { token?: string | null; fault?: object } = {},
  ): Promise<{ status: number; headers: Headers; text: string }> {
    const headers: Record<string, string> = {};
    const token = init.token === undefined ? SAMPLE_TOKEN : init.token;
    if (token !== null) headers.authorization = `Bearer ${token}`;
    if (init.fault) headers['x-sample-fault'] = JSON.stringify(init.fault);
    const response = await fetch(`${kit}${path}`, { headers });
    return { status: response.status, headers: response.headers, text: await response.text() };
  }

  async function callJson(
    path: string,
    init?: { token?: string | null; fault?: object },
  ): Promise<{ status: number; headers: Headers; body: Json }> {
    const { status, headers, text } = await call(path, init);
    return { status, headers, body: JSON.parse(text) as Json };
  }

  const app = (path: string) => `/${SAMPLE_APP_ID}${path}`;

  describe('auth and errors', () => {
    it('answers 401 in the Cloudflare shape without a token or with an unknown one', async () => {
      for (const token of [null, 'not-a-real-token']) {
        const { status, body } = await callJson(app('/sessions'), { token });
        assert.equal(status, 401);
        assert.deepEqual(body, { success: false, errors: [{ code: 10000, message: 'Authentication error' }], messages: [], result: null });
      }
    });

    it('answers 403 in the Cloudflare shape for a token without the Realtime permission and for another account', async () => {
      const noPermission = await callJson(app('/sessions'), { token: SAMPLE_TOKEN_NO_PERMISSION });
      assert.equal(noPermission.status, 403);
      assert.equal(noPermission.body.success, false);
      assert.ok(Array.isArray(noPermission.body.errors));
      const otherAccount = await fetch(`${server.baseUrl}/accounts/${'0'.repeat(32)}/realtime/kit/${SAMPLE_APP_ID}/sessions`, {
        headers: { authorization: `Bearer ${SAMPLE_TOKEN}` },
      });
      assert.equal(otherAccount.status, 403);
      assert.ok(Array.isArray(((await otherAccount.json()) as Json).errors));
    });

    it('answers 404 and 400 in the RealtimeKit shape', async () => {
      const missing = '00000000-0000-4000-8000-000000000000';
      const notFound = await callJson(app(`/sessions/${missing}`));
      assert.equal(notFound.status, 404);
      assert.deepEqual(notFound.body, { success: false, error: { code: 404, message: `Session ${missing} not found` } });
      assert.equal((await callJson(app('/sessions/not-a-uuid'))).status, 400);
      assert.equal((await callJson(app(`/sessions/peer-report/${missing}`))).status, 404);
      assert.equal((await callJson('/00000000000000000000000000000000/sessions')).status, 404);
      assert.equal((await callJson(app('/no-such-route'))).body.error.code, 404);
    });

    it('sends JSON and rate-limit headers on every response', async () => {
      for (const token of [SAMPLE_TOKEN, null]) {
        const { headers } = await call(app('/sessions'), { token });
        assert.equal(headers.get('content-type'), 'application/json');
        assert.match(headers.get('ratelimit') ?? '', /r=\d+/);
        assert.match(headers.get('ratelimit-policy') ?? '', /q=1200;w=300/);
      }
    });

    it('counts the budget down and starts a new window on DELETE /__control/rate-limit', async () => {
      const remaining = async () => Number(/r=(\d+)/.exec((await call(app('/sessions'))).headers.get('ratelimit') ?? '')?.[1]);
      const first = await remaining();
      assert.equal(await remaining(), first - 1);
      const reset = await fetch(`http://127.0.0.1:${server.port}/__control/rate-limit`, { method: 'DELETE' });
      assert.equal(reset.status, 200);
      assert.equal(await remaining(), 1199, 'the request that starts the window counts');
    });
  });

  describe('lists and paging', () => {
    it('lists apps and sessions with top-level paging, newest session first', async () => {
      const apps = await callJson('/apps');
      assert.ok(apps.body.data.some((a: Json) => a.id === SAMPLE_APP_ID));
      const { body } = await callJson(app('/sessions?per_page=100'));
      const sessions: Json[] = body.data.sessions;
      assert.equal(body.paging.total_count, sessions.length);
      assert.ok(sessions.length >= 25);
      const started = sessions.map((s) => Date.parse(s.started_at));
      assert.deepEqual(
        started,
        [...started].sort((a, b) => b - a),
      );
      const live = await callJson(app('/sessions?status=LIVE'));
      assert.ok(live.body.data.sessions.length > 0 && live.body.data.sessions.every((s: Json) => s.status === 'LIVE'));
    });

    it('pages through the large session: pages add up to total_count and IDs are unique', async () => {
      const ids = new Set<string>();
      let total = -1;
      for (let page = 1; ; page++) {
        const { body } = await callJson(app(`/sessions/${catalog.largeSession.id}/participants?page_no=${page}&per_page=100`));
        const { participants, paging } = body.data;
        total = paging.total_count;
        if (participants.length === 0) break;
        assert.equal(paging.start_offset, (page - 1) * 100 + 1);
        for (const p of participants) ids.add(p.id);
      }
      assert.equal(total, catalog.largeSession.participantCount);
      assert.ok(total >= 1600);
      assert.equal(ids.size, total);
    });

    it('caps per_page at 100 and keeps total_count past the end', async () => {
      const { body } = await callJson(app(`/sessions/${catalog.hugeSession.id}/participants?per_page=500&page_no=999`));
      assert.deepEqual(body.data.participants, []);
      assert.equal(body.data.paging.total_count, 5000);
      const first = await callJson(app(`/sessions/${catalog.hugeSession.id}/participants?per_page=500`));
      assert.equal(first.body.data.participants.length, 100);
    });

    it('answers a 5,000-participant page quickly', async () => {
      const path = app(`/sessions/${catalog.hugeSession.id}/participants?page_no=25&per_page=100&include_peer_events=true`);
      await call(path);
      const started = performance.now();
      const { status } = await call(path);
      assert.equal(status, 200);
      assert.ok(performance.now() - started < 200, 'a page of the huge session took over 200 ms');
    });
  });

  describe('current shapes', () => {
    const session = catalog.currentSession;

    it('returns base fields, and peer_events only when asked', async () => {
      const participant = session.participants[0];
      const plain = await callJson(app(`/sessions/${session.id}/participants/${participant.id}`));
      assert.equal(plain.body.data.participant.display_name, participant.displayName);
      assert.equal(plain.body.data.participant.peer_events, undefined);
      assert.equal(plain.body.data.participant.peer_stats, undefined);
      const withEvents = await callJson(app(`/sessions/${session.id}/participants/${participant.id}?include_peer_events=true`));
      const names = withEvents.body.data.participant.peer_events.map((e: Json) => e.event_name);
      assert.deepEqual(names.slice(0, 2), ['PEER_CREATED', 'PEER_JOINING']);
    });

    it('leaves left_at out for participants still in the LIVE session', async () => {
      const { body } = await callJson(app(`/sessions/${session.id}/participants`));
      assert.ok(body.data.participants.some((p: Json) => !('left_at' in p)));
    });

    it('serves the typed peer report with a reconnect, loss bursts, jitter spikes and a cpu-limited sender', async () => {
      const troubled = catalog.troubledParticipant;
      assert.ok(troubled.peerIds.length >= 2);
      const { status, body } = await callJson(app(`/sessions/peer-report/${troubled.peerIds[0]}`));
      assert.equal(status, 200);
      const participant = body.data.participant;
      assert.equal(participant.id, troubled.participantId);
      assert.equal(participant.session_id, troubled.sessionId);
      assert.ok(participant.peer_events.filter((e: Json) => e.event_name === 'PEER_CREATED').length >= 2);
      const { metadata, quality } = participant.peer_report;
      assert.ok(metadata.browser_metadata.user_agent && metadata.ip_information.asn.asn && metadata.pc_metadata.length > 0);
      assert.ok(metadata.candidate_pairs.producing_transport.length > 0);
      assert.ok(
        quality.audio_producer.some((s: Json) => s.packets_lost >= 20),
        'no loss burst',
      );
      assert.ok(
        quality.audio_producer.some((s: Json) => s.jitter >= 40),
        'no jitter spike',
      );
      assert.ok(
        quality.video_producer.some((s: Json) => s.quality_limitation_reason === 'cpu' && s.frames_per_second < 20),
        'no cpu limitation',
      );
      assert.ok(quality.video_producer_cumulative.issues.cpu_quality_limitation_fraction > 0);
      assert.ok(quality.audio_producer_cumulative.quality_mos.p50 >= 4);
      const relay = await callJson(app(`/sessions/peer-report/${troubled.peerIds[1]}?filters=precall_network_information`));
      const relayMeta = relay.body.data.participant.peer_report.metadata;
      assert.equal(relayMeta.pc_metadata[0].reflexive_connectivity, false);
      assert.equal(relayMeta.candidate_pairs.producing_transport[0].local_candidate_type, 'relay');
      assert.equal(relayMeta.browser_metadata, undefined);
      assert.equal(relay.body.data.participant.peer_report.quality, undefined);
    });
  });

  describe('legacy shapes', () => {
    const session = catalog.legacySession;
    const participant = session.participants[1];

    it('returns peer_stats and one quality_stats entry per peer', async () => {
      const { body } = await callJson(app(`/sessions/${session.id}/participants/${participant.id}`));
      const details = body.data.participant;
      for (const key of ['device_info', 'ip_information', 'precall_network_information', 'events'])
        assert.ok(key in details.peer_stats, key);
      assert.ok('throughtput' in details.peer_stats.precall_network_information);
      assert.deepEqual(
        details.quality_stats.map((q: Json) => q.peer_id),
        participant.peerIds,
      );
      assert.ok(details.quality_stats[0].audio_stats.length > 10);
    });

    it('restricts fields with filters and refuses filters with spaces', async () => {
      const { body } = await callJson(app(`/sessions/${session.id}/participants/${participant.id}?filters=device_info,events`));
      const details = body.data.participant;
      assert.ok(details.peer_stats.device_info && details.peer_stats.events);
      assert.equal(details.peer_stats.ip_information, undefined);
      assert.equal(details.peer_stats.precall_network_information, undefined);
      assert.equal(details.quality_stats, undefined);
      const onlyQuality = await callJson(app(`/sessions/${session.id}/participants/${participant.id}?filters=quality_stats`));
      assert.ok(onlyQuality.body.data.participant.quality_stats);
      assert.equal(onlyQuality.body.data.participant.peer_stats.device_info, undefined);
      const spaced = await call(
        app(`/sessions/${session.id}/participants/${participant.id}?filters=${encodeURIComponent('device_info, events')}`),
      );
      assert.equal(spaced.status, 400);
    });

    it('serves the older peer report with data as the participant', async () => {
      const { body } = await callJson(app(`/sessions/peer-report/${participant.peerIds[0]}`));
      assert.equal(body.data.participant, undefined);
      assert.equal(body.data.id, participant.id);
      assert.ok(body.data.peer_events.length >= 3);
      assert.ok(body.data.peer_report.metadata.device_info);
      assert.ok(Array.isArray(body.data.peer_report.quality.audio_stats));
    });
  });

  it('returns a meeting participant', async () => {
    const { body } = await callJson(app(`/meetings/${catalog.meeting.id}/participants/${catalog.meeting.participantId}`));
    assert.equal(body.data.name, catalog.meeting.participantName);
  });

  describe('compression, as through Cloudflare', () => {
    let compressing: SampleServer;
    before(async () => (compressing = await startSampleServer({ port: 0, compress: true })));
    after(() => compressing.close());

    /** A GET with exactly these headers (fetch would ask for compression itself, and undo it). */
    function raw(
      base: SampleServer,
      path: string,
      headers: Record<string, string>,
    ): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
      return new Promise((resolve, reject) => {
        get(`${base.baseUrl}/accounts/${SAMPLE_ACCOUNT_ID}/realtime/kit${path}`, { headers }, (response) => {
          const pieces: Buffer[] = [];
          response.on('data', (piece: Buffer) => pieces.push(piece));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(pieces) }));
          response.on('error', reject);
        }).on('error', reject);
      });
    }

    const report = () => app(`/sessions/peer-report/${catalog.troubledParticipant.peerIds[0]}`);
    const token = { authorization: `Bearer ${SAMPLE_TOKEN}` };

    it('answers in Brotli when the client accepts it, gzip when only that, and the same JSON either way', async () => {
      const plain = await raw(server, report(), { ...token, 'accept-encoding': 'gzip, deflate, br' });
      assert.equal(plain.headers['content-encoding'], undefined, 'off unless asked for');
      const br = await raw(compressing, report(), { ...token, 'accept-encoding': 'gzip, deflate, br' });
      assert.equal(br.headers['content-encoding'], 'br');
      assert.equal(Number(br.headers['content-length']), br.body.byteLength);
      assert.ok(br.body.byteLength * 4 < plain.body.byteLength, `${br.body.byteLength} of ${plain.body.byteLength} bytes`);
      assert.equal(brotliDecompressSync(br.body).toString(), plain.body.toString());
      const gzip = await raw(compressing, report(), { ...token, 'accept-encoding': 'br;q=0, gzip' });
      assert.equal(gzip.headers['content-encoding'], 'gzip');
      assert.equal(gunzipSync(gzip.body).toString(), plain.body.toString());
    });

    it('answers plain text to a client that accepts no compression, and never compresses a 401', async () => {
      const none = await raw(compressing, report(), token);
      assert.equal(none.headers['content-encoding'], undefined);
      assert.equal(JSON.parse(none.body.toString()).success, true);
      const refused = await raw(compressing, report(), { 'accept-encoding': 'br' });
      assert.equal(refused.status, 401);
      assert.equal(refused.headers['content-encoding'], undefined);
      const missing = await raw(compressing, app('/sessions/peer-report/00000000-0000-4000-8000-000000000000'), {
        ...token,
        'accept-encoding': 'br',
      });
      assert.equal(missing.status, 404);
      assert.equal(missing.headers['content-encoding'], 'br');
    });
  });

  describe('faults', () => {
    const path = () => app(`/sessions/${catalog.currentSession.id}`);

    it('answers with an injected status, Retry-After and either error shape (header)', async () => {
      const limited = await callJson(path(), { fault: { status: 429, retryAfter: 3 } });
      assert.equal(limited.status, 429);
      assert.equal(limited.headers.get('retry-after'), '3');
      assert.equal(limited.body.error.code, 429);
      const cloudflare = await callJson(path(), { fault: { status: 503, errorShape: 'cloudflare' } });
      assert.equal(cloudflare.status, 503);
      assert.ok(Array.isArray(cloudflare.body.errors));
    });

    it('serves malformed, html, success-false and empty bodies (header)', async () => {
      const malformed = await call(path(), { fault: { body: 'malformed' } });
      assert.equal(malformed.headers.get('content-type'), 'application/json');
      assert.throws(() => JSON.parse(malformed.text));
      const html = await call(path(), { fault: { body: 'html' } });
      assert.equal(html.status, 502);
      assert.match(html.text, /<html>/);
      const successFalse = await callJson(path(), { fault: { body: 'success-false', status: 500 } });
      assert.equal(successFalse.status, 200);
      assert.equal(successFalse.body.success, false);
      const empty = await call(path(), { fault: { body: 'empty' } });
      assert.equal(empty.status, 200);
      assert.equal(empty.text, '');
    });

    it('delays and drops connections (header)', async () => {
      const started = performance.now();
      assert.equal((await call(path(), { fault: { delayMs: 120 } })).status, 200);
      assert.ok(performance.now() - started >= 110);
      await assert.rejects(call(path(), { fault: { dropConnection: true } }));
    });

    it('applies queued faults to matching requests `times` times, then clears', async () => {
      const control = `http://127.0.0.1:${server.port}/__control/faults`;
      const queued = await fetch(control, {
        method: 'POST',
        body: JSON.stringify({ status: 503, match: catalog.currentSession.id, times: 2 }),
      });
      assert.equal(queued.status, 201);
      assert.equal((await call(app('/sessions'))).status, 200, 'a request that does not match is untouched');
      assert.equal((await call(path())).status, 503);
      assert.equal((await call(path())).status, 503);
      assert.equal((await call(path())).status, 200);
      for (const fault of [{ body: 'html' }, { body: 'empty' }, { dropConnection: true }]) {
        await fetch(control, { method: 'POST', body: JSON.stringify({ ...fault, match: '/sessions/' }) });
      }
      assert.equal((await call(path())).status, 502);
      assert.equal((await call(path())).text, '');
      await assert.rejects(call(path()));
      await fetch(control, { method: 'POST', body: JSON.stringify({ status: 500, match: '', times: 5 }) });
      await fetch(control, { method: 'DELETE' });
      assert.equal((await call(path())).status, 200);
      assert.equal((await fetch(control, { method: 'POST', body: '{"status":"soon"}' })).status, 400);
    });
  });

  it('re-issues peer reports on POST /__control/revision, building those asked for first', async () => {
    // A server of its own: the other tests' answers stay as built.
    const own = await startSampleServer({ port: 0 });
    try {
      const [otherPeerId, peerId] = catalog.troubledParticipant.peerIds;
      const report = async (id = peerId) =>
        (
          await fetch(`${own.baseUrl}/accounts/${SAMPLE_ACCOUNT_ID}/realtime/kit${app(`/sessions/peer-report/${id}`)}`, {
            headers: { authorization: `Bearer ${SAMPLE_TOKEN}` },
          })
        ).text();
      const revise = async (body?: unknown) => {
        const response = await fetch(`http://127.0.0.1:${own.port}/__control/revision`, {
          method: 'POST',
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        return { status: response.status, body: (await response.json()) as Json };
      };
      const before = await report();
      assert.equal((await revise({ warm: 'not a list' })).status, 400);
      assert.equal((await revise({ warm: ['00000000-0000-4000-8000-000000000000'] })).status, 400, 'an unknown peer');
      assert.equal(await report(), before, 'a refused revision changes nothing');
      const revised = await revise({ warm: [peerId] });
      assert.deepEqual([revised.status, revised.body.data], [200, { revision: 1, peers: {} }]);
      const revisedReport = await report();
      assert.notEqual(revisedReport, before, 'the report is drawn anew');
      assert.equal(await report(), revisedReport, 'and stays so');
      assert.deepEqual((await revise()).body.data, { revision: 2, peers: {} });
      // One peer alone, as in a LIVE call: the other peer's report stays as it was.
      const otherBefore = await report(otherPeerId);
      const third = await report();
      assert.equal((await revise({ peers: 'not a list' })).status, 400);
      assert.equal((await revise({ peers: ['00000000-0000-4000-8000-000000000000'] })).status, 400, 'an unknown peer');
      assert.deepEqual((await revise({ peers: [peerId] })).body.data, { revision: 2, peers: { [peerId]: 1 } });
      assert.notEqual(await report(), third, 'the peer revised is drawn anew');
      assert.equal(await report(otherPeerId), otherBefore, 'the other peer is not');
    } finally {
      await own.close();
    }
  });

  it('logs requests without ever keeping the token', async () => {
    const log = `http://127.0.0.1:${server.port}/__control/requests`;
    await fetch(log, { method: 'DELETE' });
    await call(app('/sessions?per_page=1'));
    await call(app('/sessions'), { token: SAMPLE_TOKEN_NO_PERMISSION });
    await call(app('/sessions'), { token: null });
    const text = await (await fetch(log)).text();
    assert.ok(!text.includes(SAMPLE_TOKEN) && !text.includes(SAMPLE_TOKEN_NO_PERMISSION));
    const entries = (JSON.parse(text) as Json).data as Json[];
    assert.deepEqual(
      entries.map((e) => [e.path.endsWith('/sessions?per_page=1'), e.status, e.hasAuthorization]),
      [
        [true, 200, true],
        [false, 403, true],
        [false, 401, false],
      ],
    );
  });

  it('is deterministic: a server in another process gives identical JSON', async () => {
    const troubled = catalog.troubledParticipant;
    const legacy = catalog.legacySession;
    const paths = [
      app('/sessions?per_page=100'),
      app(`/sessions/${catalog.largeSession.id}/participants?page_no=3&include_peer_events=true`),
      app(`/sessions/peer-report/${troubled.peerIds[1]}`),
      app(`/sessions/${legacy.id}/participants/${legacy.participants[0].id}?include_peer_events=true`),
      app(`/sessions/peer-report/${ATTRIBUTION_PARTICIPANTS.current.nina.peerIds[0]}`),
      app(`/sessions/${STORY_SESSION_IDS.legacy}/participants/${STORY_PARTICIPANTS.legacy.mateo.id}?include_peer_events=true`),
    ];
    const digest = createHash('sha256');
    for (const path of paths) digest.update((await call(path)).text);
    // A fresh process builds the world from scratch, so shared in-memory caches cannot hide a difference.
    const script = `
      const s = require(${JSON.stringify(resolve(__dirname, '../../sample-server/index.ts'))});
      (async () => {
        const server = await s.startSampleServer();
        const hash = require('node:crypto').createHash('sha256');
        for (const path of ${JSON.stringify(paths)}) {
          const r = await fetch(server.baseUrl + '/accounts/' + s.SAMPLE_ACCOUNT_ID + '/realtime/kit' + path, { headers: { authorization: 'Bearer ' + s.SAMPLE_TOKEN } });
          hash.update(await r.text());
        }
        console.log(hash.digest('hex'));
        await server.close();
      })();`;
    const otherDigest = await new Promise<string>((done, fail) => {
      execFile(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: resolve(__dirname, '../..') }, (error, stdout) =>
        error ? fail(error) : done(stdout.trim()),
      );
    });
    assert.equal(otherDigest, digest.digest('hex'));
  });
});

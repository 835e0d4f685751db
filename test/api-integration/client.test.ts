/** The API client against the sample server: every endpoint, both shapes, paging, faults, retries. */
import { strict as assert } from 'node:assert';
import { RealtimeKitClient, type Scope } from '../../src/api/client';
import { RealtimeKitApiError } from '../../src/api/errors';
import type { RequestLogEntry } from '../../src/api/http';
import { normalizeParticipant } from '../../src/api/normalize';
import {
  SAMPLE_ACCOUNT_ID,
  SAMPLE_APP_ID,
  SAMPLE_TOKEN,
  SAMPLE_TOKEN_NO_PERMISSION,
  sampleCatalog,
  startSampleServer,
  type SampleServer,
} from '../../sample-server';
import { SampleControl } from '../fixtures/sampleControl';

const scope: Scope = { accountId: SAMPLE_ACCOUNT_ID, appId: SAMPLE_APP_ID };
const catalog = sampleCatalog();

async function failure(promise: Promise<unknown>): Promise<RealtimeKitApiError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof RealtimeKitApiError, `a RealtimeKitApiError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a failure');
}

describe('RealtimeKitClient against the sample server', function () {
  this.timeout(20_000);
  let server: SampleServer;
  let control: SampleControl;
  let token = SAMPLE_TOKEN;
  let log: RequestLogEntry[] = [];
  const client = (options: { timeoutMs?: number; maxRetryAfterSeconds?: number } = {}) =>
    new RealtimeKitClient({
      baseUrl: server.baseUrl,
      getToken: () => token,
      retryBaseDelayMs: 10,
      log: (entry) => log.push(entry),
      ...options,
    });

  before(async () => {
    server = await startSampleServer();
    control = new SampleControl(server);
  });

  after(async () => {
    await server.close();
  });

  beforeEach(async () => {
    token = SAMPLE_TOKEN;
    log = [];
    await control.clearFaults();
    await control.clearRequests();
  });

  describe('endpoints', () => {
    it('fetches a current-generation session participant with peer events', async () => {
      const participant = catalog.currentSession.participants[0];
      const data = await client().getSessionParticipant(scope, { sessionId: catalog.currentSession.id, participantId: participant.id });
      const model = normalizeParticipant('sessionParticipant', data);
      assert.equal(model.displayName, participant.displayName);
      assert.ok(model.peerEvents.length >= 3);
      assert.deepEqual(model.generations, ['current']);
    });

    it('fetches a legacy session participant, restricted by filters', async () => {
      const participant = catalog.legacySession.participants[0];
      const ids = { sessionId: catalog.legacySession.id, participantId: participant.id };
      const full = (await client().getSessionParticipant(scope, ids)) as { participant: Record<string, unknown> };
      assert.ok(full.participant.peer_stats);
      assert.ok(Array.isArray(full.participant.quality_stats));
      const filtered = (await client().getSessionParticipant(scope, ids, { filters: ['device_info'] })) as {
        participant: Record<string, unknown>;
      };
      assert.equal(filtered.participant.quality_stats, undefined);
      const [, second] = await control.requests();
      assert.match(second.path, /filters=device_info&include_peer_events=true$/);
    });

    it('fetches peer reports in both generations', async () => {
      const current = await client().getPeerReport(scope, catalog.troubledParticipant.peerIds[0]);
      assert.deepEqual(normalizeParticipant('peer', current).generations, ['current']);
      const legacyPeer = catalog.legacySession.participants[0].peerIds[0];
      const legacy = await client().getPeerReport(scope, legacyPeer, { filters: ['device_info', 'events'] });
      assert.ok(legacy);
      const paths = (await control.requests()).map((entry) => entry.path);
      assert.ok(paths[1].includes('filters=device_info%2Cevents') || paths[1].includes('filters=device_info,events'), paths[1]);
    });

    it('fetches a meeting participant, a session, apps, meetings and their participants', async () => {
      const c = client();
      const person = await c.getMeetingParticipant(scope, { meetingId: catalog.meeting.id, participantId: catalog.meeting.participantId });
      assert.equal(person.name, catalog.meeting.participantName);
      const session = await c.getSession(scope, catalog.currentSession.id);
      assert.equal(session.id, catalog.currentSession.id);
      const apps = await c.listApps(SAMPLE_ACCOUNT_ID);
      assert.ok(apps.items.some((app) => app.id === SAMPLE_APP_ID));
      const meetings = await c.listMeetings(scope, { perPage: 5 });
      assert.ok(meetings.items.length > 0 && meetings.paging?.totalCount !== undefined);
      const people = await c.listMeetingParticipants(scope, catalog.meeting.id);
      assert.ok(people.items.some((item) => item.id === catalog.meeting.participantId));
    });

    it('lists sessions with their query options and the paging at the top level', async () => {
      const page = await client().listSessions(scope, {
        perPage: 5,
        status: 'ENDED',
        sortOrder: 'DESC',
        meetingId: catalog.currentSession.meetingId,
      });
      assert.ok(page.items.every((session) => session.status === 'ENDED'));
      const all = await client().listSessions(scope, { perPage: 5 });
      assert.equal(all.items.length, 5);
      assert.ok((all.paging?.totalCount ?? 0) >= 20);
      const [, second] = await control.requests();
      assert.match(second.path, /page_no|per_page=5/);
    });

    it('walks every page of a 1,650-participant session (paging inside data)', async () => {
      const ids = new Set<string>();
      for await (const page of client().allSessionParticipants(scope, catalog.largeSession.id)) page.forEach((p) => ids.add(p.id!));
      assert.equal(ids.size, catalog.largeSession.participantCount);
      const requests = await control.requests();
      assert.equal(requests.length, Math.ceil(catalog.largeSession.participantCount / 100));
    });

    it('walks every session page', async () => {
      let count = 0;
      for await (const page of client().allSessions(scope, {}, { perPage: 7 })) count += page.length;
      const first = await client().listSessions(scope, { perPage: 1 });
      assert.equal(count, first.paging?.totalCount);
    });
  });

  describe('validation and encoding', () => {
    it('refuses hostile and malformed IDs before any request', async () => {
      const c = client();
      for (const participantId of ['../x', 'a/b?c#d', 'nope']) {
        const error = await failure(c.getSessionParticipant(scope, { sessionId: catalog.currentSession.id, participantId }));
        assert.equal(error.kind, 'invalidInput');
      }
      assert.equal(
        (await failure(c.getPeerReport({ ...scope, appId: 'a/b?c#d' }, catalog.troubledParticipant.peerIds[0]))).kind,
        'invalidInput',
      );
      assert.equal(
        (await failure(c.getPeerReport({ ...scope, accountId: 'abc' }, catalog.troubledParticipant.peerIds[0]))).kind,
        'invalidInput',
      );
      assert.deepEqual(await control.requests(), []);
    });

    it('URL-encodes a free-form meeting participant ID into its own segment', async () => {
      const error = await failure(client().getMeetingParticipant(scope, { meetingId: catalog.meeting.id, participantId: 'p@x+y%z' }));
      assert.equal(error.kind, 'notFound');
      const [request] = await control.requests();
      assert.ok(request.path.endsWith('/participants/p%40x%2By%25z'), request.path);
    });

    it('trims pasted IDs', async () => {
      const participant = catalog.currentSession.participants[0];
      const data = await client().getSessionParticipant(scope, {
        sessionId: ` ${catalog.currentSession.id} `,
        participantId: `"${participant.id}"`,
      });
      assert.ok(data);
    });
  });

  describe('errors and retries', () => {
    const participantIds = () => ({ sessionId: catalog.currentSession.id, participantId: catalog.currentSession.participants[2].id });

    it('401 for a bad token and 403 for a token without the Realtime permission, in Cloudflare shape', async () => {
      token = 'wrong-token';
      const unauthorized = await failure(client().getSessionParticipant(scope, participantIds()));
      assert.equal(unauthorized.kind, 'unauthorized');
      assert.equal(unauthorized.apiCode, 10000);
      token = SAMPLE_TOKEN_NO_PERMISSION;
      const forbidden = await failure(client().getSessionParticipant(scope, participantIds()));
      assert.equal(forbidden.kind, 'forbidden');
      assert.equal((await control.requests()).length, 2, 'neither is retried');
    });

    it('no token: fails before any request', async () => {
      token = '';
      assert.equal((await failure(client().getSession(scope, catalog.currentSession.id))).kind, 'noToken');
      assert.deepEqual(await control.requests(), []);
    });

    it('404 in RealtimeKit shape names the ID', async () => {
      const error = await failure(
        client().getSessionParticipant(scope, {
          sessionId: catalog.currentSession.id,
          participantId: '00000000-0000-4000-8000-000000000000',
        }),
      );
      assert.equal(error.kind, 'notFound');
      assert.match(error.message, /participant ID 00000000-0000-4000-8000-000000000000/);
      assert.ok(error.apiMessage);
    });

    it('404 in Cloudflare shape reads errors[]', async () => {
      await control.injectFault({ match: '/sessions/', status: 404, errorShape: 'cloudflare' });
      const error = await failure(client().getSession(scope, catalog.currentSession.id));
      assert.equal(error.kind, 'notFound');
      assert.ok(error.apiMessage);
    });

    it('429 waits Retry-After, then succeeds', async () => {
      await control.injectFault({ match: '/sessions/', status: 429, retryAfter: 1 });
      const started = Date.now();
      await client().getSession(scope, catalog.currentSession.id);
      const waited = Date.now() - started;
      assert.ok(waited >= 950, `waited ${waited} ms for Retry-After: 1`);
      assert.equal((await control.requests()).length, 2);
    });

    it('429 with a Retry-After beyond the bound is reported at once with the wait', async () => {
      await control.injectFault({ match: '/sessions/', status: 429, retryAfter: 600 });
      const error = await failure(client({ maxRetryAfterSeconds: 60 }).getSession(scope, catalog.currentSession.id));
      assert.equal(error.kind, 'rateLimited');
      assert.equal(error.retryAfterSeconds, 600);
      assert.equal((await control.requests()).length, 1);
    });

    it('500 then success is retried; three 5xx give up after two retries', async () => {
      await control.injectFault({ match: '/sessions/', status: 500, times: 1 });
      await client().getSession(scope, catalog.currentSession.id);
      assert.equal((await control.requests()).length, 2);
      await control.clearRequests();
      await control.injectFault({ match: '/sessions/', status: 502, body: 'html', times: 3 });
      const error = await failure(client().getSession(scope, catalog.currentSession.id));
      assert.equal(error.kind, 'server');
      assert.equal(error.status, 502);
      assert.equal((await control.requests()).length, 3);
    });

    it('a reset connection is retried', async () => {
      await control.injectFault({ match: '/sessions/', dropConnection: true, times: 1 });
      const session = await client().getSession(scope, catalog.currentSession.id);
      assert.equal(session.id, catalog.currentSession.id);
    });

    it('times out a slow answer without retrying it', async () => {
      await control.injectFault({ match: '/sessions/', delayMs: 3_000 });
      const started = Date.now();
      const error = await failure(client({ timeoutMs: 300 }).getSession(scope, catalog.currentSession.id));
      assert.equal(error.kind, 'timeout');
      assert.ok(Date.now() - started < 2_000);
    });

    it('malformed JSON, an empty body and success:false with 200 are reported', async () => {
      await control.injectFault({ match: '/sessions/', body: 'malformed' });
      assert.equal((await failure(client().getSession(scope, catalog.currentSession.id))).kind, 'malformed');
      await control.injectFault({ match: '/sessions/', body: 'empty' });
      assert.equal((await failure(client().getSession(scope, catalog.currentSession.id))).kind, 'malformed');
      await control.injectFault({ match: '/sessions/', body: 'success-false' });
      const failed = await failure(client().getSession(scope, catalog.currentSession.id));
      assert.equal(failed.kind, 'apiFailure');
      assert.ok(failed.apiMessage);
    });

    it('never puts the token in an error, its stack or the request log', async () => {
      const errors: RealtimeKitApiError[] = [];
      token = SAMPLE_TOKEN_NO_PERMISSION;
      errors.push(await failure(client().getSession(scope, catalog.currentSession.id)));
      token = SAMPLE_TOKEN;
      for (const fault of [{ status: 500, times: 3 }, { body: 'malformed' as const }, { status: 404 }, { status: 429, retryAfter: 900 }]) {
        await control.injectFault({ match: '/sessions/', ...fault });
        errors.push(await failure(client().getSession(scope, catalog.currentSession.id)));
      }
      await control.injectFault({ match: '/sessions/', delayMs: 1_000 });
      errors.push(await failure(client({ timeoutMs: 100 }).getSession(scope, catalog.currentSession.id)));
      for (const error of errors) {
        const text = `${error.message} ${error.stack} ${JSON.stringify(error)} ${JSON.stringify(Object.entries(error))}`;
        assert.ok(!text.includes(SAMPLE_TOKEN) && !text.includes(SAMPLE_TOKEN_NO_PERMISSION), `token leaked in ${error.kind}`);
        assert.ok(!/authorization/i.test(text), `header leaked in ${error.kind}`);
      }
      assert.ok(!JSON.stringify(log).includes(SAMPLE_TOKEN));
    });
  });

  describe('cancellation, de-duplication and cache', () => {
    it('aborts a request when its signal fires', async () => {
      await control.injectFault({ match: '/sessions/', delayMs: 3_000 });
      const controller = new AbortController();
      const started = Date.now();
      setTimeout(() => controller.abort(), 100);
      const error = await failure(client().getSession(scope, catalog.currentSession.id, { signal: controller.signal }));
      assert.equal(error.kind, 'cancelled');
      assert.ok(Date.now() - started < 1_500);
    });

    it('shares one request between identical calls in flight, and aborts it only when every caller cancels', async () => {
      const c = client();
      const [a, b] = await Promise.all([
        c.getSession(scope, catalog.currentSession.id, { refresh: true }),
        c.getSession(scope, catalog.currentSession.id, { refresh: true }),
      ]);
      assert.deepEqual(a, b);
      assert.equal((await control.requests()).length, 1);

      await control.clearRequests();
      await control.injectFault({ match: '/sessions/', delayMs: 300 });
      const first = new AbortController();
      const pending = [
        c.getSession(scope, catalog.legacySession.id, { signal: first.signal, refresh: true }),
        c.getSession(scope, catalog.legacySession.id, { refresh: true }),
      ];
      first.abort();
      assert.equal((await failure(pending[0])).kind, 'cancelled');
      assert.equal((await pending[1]).id, catalog.legacySession.id, 'the other caller still gets the answer');
    });

    it('asks again for an answer its only caller just gave up on, rather than joining the aborted request', async () => {
      const c = client();
      await control.injectFault({ match: '/sessions/', delayMs: 300, times: 1 });
      const gaveUp = new AbortController();
      const first = failure(c.getSession(scope, catalog.currentSession.id, { signal: gaveUp.signal, refresh: true }));
      gaveUp.abort();
      const again = await c.getSession(scope, catalog.currentSession.id, { refresh: true });
      assert.equal(again.id, catalog.currentSession.id);
      assert.equal((await first).kind, 'cancelled');
    });

    it('answers from a short-lived cache unless refresh is asked', async () => {
      const c = client();
      await c.getSession(scope, catalog.currentSession.id);
      await c.getSession(scope, catalog.currentSession.id);
      assert.equal((await control.requests()).length, 1);
      await c.getSession(scope, catalog.currentSession.id, { refresh: true });
      assert.equal((await control.requests()).length, 2);
      assert.ok(log.some((entry) => entry.outcome === 'cached'));
    });
  });
});

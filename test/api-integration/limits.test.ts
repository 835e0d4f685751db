/**
 * The HTTP layer's bounds against a hostile or broken server (a local node:http server that answers as
 * each test says): waits between attempts, response size, dropping everything in flight, and list
 * methods passing the caller's signal on. The size cap is also checked on the bundle's own axios build.
 */
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import * as esbuild from 'esbuild';
import { RealtimeKitClient } from '../../src/api/client';
import { RealtimeKitApiError } from '../../src/api/errors';
import { MAX_RESPONSE_BYTES, RealtimeKitHttp, type HttpOptions, type RequestSpec } from '../../src/api/http';

const ACCOUNT = '023e105f4ecef8ad9ca31a8372d0c353';
const scope = { accountId: ACCOUNT, appId: 'app-1' };
const SESSION = '182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e';
const MB = 1024 * 1024;
const spec: RequestSpec = { operation: 'Fetching the test answer', endpoint: '/answer', pathValues: {} };

type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => void;

async function failure(promise: Promise<unknown>): Promise<RealtimeKitApiError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof RealtimeKitApiError, `a RealtimeKitApiError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a failure');
}

const json = (response: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
};

/** Streams `totalBytes` of a JSON string in 1 MB chunks, minding back-pressure; counts what was written until the client hung up. */
function bigBody(totalBytes: number, declareLength: boolean, sent: { bytes: number; closed: boolean }): Handler {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json', ...(declareLength ? { 'content-length': String(totalBytes) } : {}) });
    const chunk = Buffer.alloc(MB, 'a');
    response.on('close', () => (sent.closed = true));
    const pump = () => {
      while (!sent.closed && sent.bytes < totalBytes) {
        const piece = sent.bytes === 0 ? Buffer.concat([Buffer.from('{"data":"'), chunk.subarray(9)]) : chunk;
        sent.bytes += piece.length;
        if (!response.write(piece)) return void response.once('drain', pump);
      }
      if (!sent.closed) response.end();
    };
    pump();
  };
}

/** Samples resident memory while `run` runs; returns its growth over the start, in MB. */
async function peakGrowthMb(run: () => Promise<unknown>): Promise<number> {
  (globalThis as { gc?: () => void }).gc?.();
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  try {
    await run();
  } finally {
    clearInterval(timer);
  }
  return (Math.max(peak, process.memoryUsage().rss) - start) / MB;
}

describe('HTTP limits against a misbehaving server', function () {
  this.timeout(30_000);
  let server: http.Server;
  let baseUrl: string;
  let handler: Handler;
  let requests: string[];
  const httpFor = (options: Partial<HttpOptions> = {}) =>
    new RealtimeKitHttp({ baseUrl, getToken: () => 'token', retryBaseDelayMs: 10, ...options });

  before(async () => {
    server = http.createServer((request, response) => {
      requests.push(request.url ?? '');
      handler(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(() => {
    requests = [];
    handler = (_request, response) => json(response, 200, { success: true, data: { ok: true } });
  });

  describe('waits between attempts', () => {
    it('reports a 503 asking for Retry-After: 3600 at once, and a later identical call asks again', async () => {
      handler = (_request, response) =>
        json(response, 503, { success: false, errors: [{ code: 1, message: 'Maintenance' }] }, { 'retry-after': '3600' });
      const client = httpFor({ timeoutMs: 5_000 });
      const started = Date.now();
      const error = await failure(client.get(spec));
      assert.ok(Date.now() - started < 2_000, `answered in ${Date.now() - started} ms`);
      assert.equal(error.kind, 'server');
      assert.equal(error.retryAfterSeconds, 3600);
      assert.equal(error.maxWaitSeconds, 5);
      assert.match(
        error.message,
        /HTTP 503 \(API says: Maintenance\), and asks to wait 3600 s before retrying: longer than the 5 s this extension waits/,
      );
      assert.equal(requests.length, 1, 'not retried');
      await failure(client.get(spec));
      assert.equal(requests.length, 2, 'the next call is a new request, not joined to a pending one');
    });

    it('applies the same bound to a 429 whose Retry-After is a far HTTP date', async () => {
      handler = (_request, response) =>
        json(response, 429, { success: false }, { 'retry-after': new Date(Date.now() + 3_600_000).toUTCString() });
      const error = await failure(httpFor({ maxRetryAfterSeconds: 10 }).get(spec));
      assert.equal(error.kind, 'rateLimited');
      assert.ok(error.retryAfterSeconds! > 3_500, String(error.retryAfterSeconds));
      assert.match(error.message, /longer than the 10 s this extension waits, so it did not retry/);
      assert.equal(requests.length, 1);
    });

    it('still waits a short Retry-After on a 5xx, then succeeds', async () => {
      let calls = 0;
      handler = (_request, response) =>
        calls++ === 0
          ? json(response, 503, { success: false }, { 'retry-after': '1' })
          : json(response, 200, { success: true, data: { ok: true } });
      const started = Date.now();
      assert.deepEqual((await httpFor().get(spec)).data, { ok: true });
      assert.ok(Date.now() - started >= 950, `waited ${Date.now() - started} ms`);
    });
  });

  describe('response size', () => {
    it(`refuses a streamed 600 MB answer at ${MAX_RESPONSE_BYTES / MB} MB, once, with bounded memory`, async () => {
      const sent = { bytes: 0, closed: false };
      handler = bigBody(600 * MB, false, sent);
      let error: RealtimeKitApiError | undefined;
      const growth = await peakGrowthMb(async () => (error = await failure(httpFor().get(spec))));
      assert.equal(error?.kind, 'tooLarge');
      assert.equal(error?.retryable, false);
      assert.match(error?.message ?? '', new RegExp(`larger than ${MAX_RESPONSE_BYTES / MB} MB, too large to read`));
      assert.equal(requests.length, 1, 'not retried');
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.ok(sent.closed, 'the connection was closed');
      assert.ok(sent.bytes < 200 * MB, `the server wrote ${Math.round(sent.bytes / MB)} MB before the client hung up`);
      assert.ok(growth < 500, `memory grew by ${Math.round(growth)} MB`);
    });

    it('refuses a declared 200 MB answer before reading it', async () => {
      const sent = { bytes: 0, closed: false };
      handler = bigBody(200 * MB, true, sent);
      const error = await failure(httpFor().get(spec));
      assert.equal(error.kind, 'tooLarge');
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.ok(sent.bytes < 100 * MB, `the server wrote ${Math.round(sent.bytes / MB)} MB`);
    });

    it('accepts an answer under the cap', async () => {
      handler = (_request, response) => json(response, 200, { success: true, data: { text: 'x'.repeat(MB) } });
      assert.equal(((await httpFor({ maxResponseBytes: 2 * MB }).get(spec)).data as { text: string }).text.length, MB);
    });

    it('is enforced by the axios build the extension bundles (fetch adapter, browser ESM build)', async () => {
      const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rtk-http-'));
      const outfile = path.join(outDir, 'http.js');
      // The same alias as scripts/build.ts.
      await esbuild.build({
        entryPoints: ['src/api/http.ts'],
        bundle: true,
        platform: 'node',
        format: 'cjs',
        outfile,
        mainFields: ['module', 'main'],
        alias: { axios: './node_modules/axios/dist/esm/axios.js' },
        logLevel: 'silent',
      });
      const bundled = (await import(outfile)) as { RealtimeKitHttp: typeof RealtimeKitHttp };
      const sent = { bytes: 0, closed: false };
      handler = bigBody(100 * MB, false, sent);
      // The bundle has its own copy of the error class: read the kind, not the class.
      const error = (await new bundled.RealtimeKitHttp({ baseUrl, getToken: () => 'token', maxResponseBytes: 8 * MB })
        .get(spec)
        .catch((caught: unknown) => caught)) as { kind?: string };
      assert.equal(error.kind, 'tooLarge');
      assert.equal(requests.length, 1);
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.ok(sent.closed && sent.bytes < 50 * MB, `the server wrote ${Math.round(sent.bytes / MB)} MB`);
      fs.rmSync(outDir, { recursive: true, force: true });
    });
  });

  /** Someone reading bodies along: what they were given, and how each ended. */
  function readAlongRecorder() {
    const recorder = {
      id: 7,
      pieces: [] as Uint8Array[],
      ends: [] as boolean[],
      encodings: [] as Array<string | undefined>,
      open: (encoding?: string) => {
        recorder.encodings.push(encoding);
        return {
          id: recorder.id,
          push: (chunk: Uint8Array) => recorder.pieces.push(chunk.slice()),
          end: (complete: boolean) => recorder.ends.push(complete),
        };
      },
    };
    return recorder;
  }

  describe('reading an answer', () => {
    it('reads along neither a small answer nor one that is not text, and drops one that goes over the cap', async () => {
      const along = readAlongRecorder();
      handler = (_request, response) => response.end(JSON.stringify({ success: true, data: { ok: true } }));
      assert.equal((await httpFor({ readAlong: along.open }).getText(spec)).readAlong, undefined);
      handler = bigBody(8 * MB, false, { bytes: 0, closed: false });
      await failure(httpFor({ readAlong: along.open, maxResponseBytes: 4 * MB }).get({ ...spec, refresh: true }));
      assert.deepEqual(along.ends, [], 'nothing read along for a parsed answer');
      handler = bigBody(8 * MB, false, { bytes: 0, closed: false });
      const error = await failure(httpFor({ readAlong: along.open, maxResponseBytes: 4 * MB }).getText({ ...spec, refresh: true }));
      assert.equal(error.kind, 'tooLarge');
      assert.deepEqual(along.ends, [false], 'read along from 1 MB, then dropped');
    });

    // Multi-byte characters, some split across the server's writes, and more than one read's worth of body.
    const data = { text: 'Zürich · São Paulo · 東京 '.repeat(40_000), n: 42 };
    const body = Buffer.from(JSON.stringify({ success: true, data }));
    /** Writes the body in uneven pieces, as it was asked to declare and encode it. */
    const answer =
      (mode: 'declared' | 'undeclared' | 'gzip', plain = body): Handler =>
      (_request, response) => {
        const sent = mode === 'gzip' ? zlib.gzipSync(plain) : plain;
        response.writeHead(200, {
          'content-type': 'application/json',
          ...(mode === 'undeclared' ? {} : { 'content-length': String(sent.length) }),
          ...(mode === 'gzip' ? { 'content-encoding': 'gzip' } : {}),
        });
        for (let offset = 0; offset < sent.length; offset += 65_537) response.write(sent.subarray(offset, offset + 65_537));
        response.end();
      };

    const modes = {
      declared: 'with its length declared',
      undeclared: 'without a length',
    } as const;
    for (const mode of Object.keys(modes) as Array<keyof typeof modes>) {
      it(`hands over every byte of an answer ${modes[mode]}, as bytes and parsed`, async () => {
        handler = answer(mode);
        const along = readAlongRecorder();
        const text = await httpFor({ readAlong: along.open }).getText({ ...spec, refresh: true });
        assert.equal(Buffer.compare(Buffer.concat(text.chunks), body), 0, 'the bytes as sent');
        assert.deepEqual(along.ends, [true], 'read along, to the end');
        assert.equal(Buffer.compare(Buffer.concat(along.pieces), body), 0, 'every byte read along, in order');
        assert.equal(text.readAlong, along.id);
        assert.equal(text.text, body.toString('utf8'));
        assert.equal(text.timing.bytes, body.length);
        const blocks = [0, MB].map((start) =>
          createHash('sha256')
            .update(body.subarray(start, start + MB))
            .digest('base64'),
        );
        assert.ok(body.length < 2 * MB);
        assert.equal(text.fingerprint, blocks.join('.'), 'fingerprinted as it came, a digest per MiB');
        // The stats worker takes pieces whose buffers are exactly the pieces; others it would copy.
        assert.ok(body.length > MB, 'a body over the size that is copied out');
        for (const chunk of text.chunks) assert.equal(chunk.byteLength, chunk.buffer.byteLength);
        // Declared, it is written in place as it comes: one piece.
        if (mode === 'declared') assert.equal(text.chunks.length, 1);
        assert.deepEqual((await httpFor().get({ ...spec, refresh: true })).data, data);
      });
    }

    it('keeps a compressed answer as it came, reads it along with its encoding, and decodes it where it is read', async () => {
      // Numbers that do not repeat, so that the compressed body is itself large enough to read along.
      let seed = 1;
      const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
      const samples = Array.from({ length: 60_000 }, () => ({ jitter: random(), lost: Math.floor(random() * 1e6) }));
      const plain = Buffer.from(JSON.stringify({ success: true, data: { samples } }));
      handler = answer('gzip', plain);
      const sent = zlib.gzipSync(plain);
      assert.ok(sent.length > 256 * 1024 && sent.length < plain.length / 2, `${sent.length} bytes compressed`);
      const along = readAlongRecorder();
      const text = await httpFor({ readAlong: along.open }).getText({ ...spec, refresh: true });
      assert.equal(text.encoding, 'gzip');
      assert.equal(Buffer.compare(Buffer.concat(text.chunks), sent), 0, 'the bytes as they came');
      assert.equal(text.chunks.length, 1, 'written in place as they came: its declared length is theirs');
      assert.deepEqual(along.encodings, ['gzip']);
      assert.deepEqual(along.ends, [true], 'read along, to the end');
      assert.equal(Buffer.compare(Buffer.concat(along.pieces), sent), 0, 'every byte read along as it came, in order');
      assert.equal(text.timing.bytes, sent.length);
      assert.equal(text.text, plain.toString('utf8'), 'decoded when read here');
      // An envelope the client parses itself is decoded as it arrives.
      assert.deepEqual((await httpFor().get({ ...spec, refresh: true })).data, { samples });
    });

    it('reads along a compressed answer that changed from its start, though it came smaller than a MiB', async () => {
      let seed = 1;
      const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
      const report = () => Buffer.from(JSON.stringify({ success: true, data: { samples: Array.from({ length: 60_000 }, random) } }));
      const first = report();
      handler = answer('gzip', first);
      const along = readAlongRecorder();
      const reader = httpFor({ readAlong: along.open });
      const read = await reader.getText({ ...spec, refresh: true });
      assert.ok(read.timing.bytes > 256 * 1024 && read.timing.bytes < MB, `${read.timing.bytes} bytes compressed`);
      const changed = report();
      handler = answer('gzip', changed);
      along.pieces.length = 0;
      const differing = await reader.getText({ ...spec, refresh: true, lastFingerprint: read.fingerprint });
      assert.equal(differing.readAlong, along.id, 'read along as it came');
      assert.deepEqual(along.ends, [true, true]);
      assert.equal(Buffer.compare(Buffer.concat(along.pieces), zlib.gzipSync(changed)), 0, 'every byte read along, in order');
      assert.equal(differing.text, changed.toString('utf8'));
    });

    it('says an answer is too large when it decodes to more than the cap, however small it came', async () => {
      handler = answer('gzip', Buffer.from(JSON.stringify({ success: true, data: { text: 'a'.repeat(6 * MB) } })));
      const text = await httpFor({ maxResponseBytes: 4 * MB }).getText({ ...spec, refresh: true });
      assert.throws(() => text.text, /larger than 4 MB once decompressed/);
      const error = await failure(httpFor({ maxResponseBytes: 4 * MB }).get({ ...spec, refresh: true }));
      assert.equal(error.kind, 'tooLarge');
    });
  });

  describe('reading an answer again', () => {
    it('reads along only once the body differs from the last one read, and then every byte of it', async () => {
      const first = Buffer.alloc(3 * MB, 'a');
      const changed = Buffer.from(first);
      changed[2 * MB + 10] = 'b'.charCodeAt(0);
      let sending = first;
      handler = (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        for (let offset = 0; offset < sending.length; offset += 65_537) response.write(sending.subarray(offset, offset + 65_537));
        response.end();
      };
      const along = readAlongRecorder();
      const reader = httpFor({ readAlong: along.open });
      const read = await reader.getText({ ...spec, refresh: true });
      assert.deepEqual(along.ends, [true], 'no last one: read along');
      const again = await reader.getText({ ...spec, refresh: true, lastFingerprint: read.fingerprint });
      assert.equal(again.fingerprint, read.fingerprint);
      assert.equal(again.readAlong, undefined);
      assert.deepEqual(along.ends, [true], 'the same bytes: not read along');
      sending = changed;
      along.pieces.length = 0;
      const differing = await reader.getText({ ...spec, refresh: true, lastFingerprint: read.fingerprint });
      assert.notEqual(differing.fingerprint, read.fingerprint);
      assert.equal(differing.readAlong, along.id);
      assert.deepEqual(along.ends, [true, true], 'read along once it differed (BodyFingerprint says from which MiB)');
      assert.equal(Buffer.compare(Buffer.concat(along.pieces), changed), 0, 'every byte read along, in order');
    });
  });

  describe('dropping what is in flight', () => {
    it('cancels every caller at once, empties the cache, and lets new requests start clean', async () => {
      const hung: http.ServerResponse[] = [];
      handler = (request, response) =>
        request.url?.includes('slow') ? void hung.push(response) : json(response, 200, { success: true, data: { n: requests.length } });
      const client = new RealtimeKitClient({ baseUrl, getToken: () => 'token' });
      const cached = await client.getSession(scope, SESSION);
      const slow = { ...spec, endpoint: '/slow' };
      const first = client.http.get(slow);
      const second = client.http.get(slow); // joins the first
      while (hung.length < 1) await new Promise((resolve) => setTimeout(resolve, 5));
      client.dropInFlight();
      assert.equal((await failure(first)).kind, 'cancelled');
      assert.equal((await failure(second)).kind, 'cancelled');
      const again = await client.getSession(scope, SESSION);
      assert.notDeepEqual(again, cached, 'asked the server again, not the cache');
      const third = client.http.get(slow);
      while (hung.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
      json(hung[1], 200, { success: true, data: { late: true } });
      assert.deepEqual((await third).data, { late: true }, 'a request after the drop is its own');
      for (const response of hung) if (!response.writableEnded) response.destroy();
    });
  });

  describe('list methods', () => {
    const fullPage = (pageNo: number) => Array.from({ length: 100 }, (_, i) => ({ id: `${pageNo}-${i}` }));
    const pageNoOf = (url: string | undefined) => Number(new URL(url ?? '/', baseUrl).searchParams.get('page_no'));

    it("pass the caller's signal to every page: aborting stops the walk", async () => {
      handler = (request, response) =>
        setTimeout(() => json(response, 200, { success: true, data: { participants: fullPage(pageNoOf(request.url)) } }), 20);
      const controller = new AbortController();
      const client = new RealtimeKitClient({ baseUrl, getToken: () => 'token' });
      let pages = 0;
      const walk = (async () => {
        for await (const page of client.allSessionParticipants(scope, SESSION, {}, { signal: controller.signal })) {
          assert.equal(page.length, 100);
          if (++pages === 3) controller.abort();
        }
      })();
      await assert.rejects(walk, (error: unknown) =>
        error instanceof RealtimeKitApiError ? error.kind === 'cancelled' : (error as Error).name === 'AbortError',
      );
      const seen = requests.length;
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(requests.length, seen, 'no page is asked for after the abort');
      assert.ok(seen <= 4, `${seen} pages asked for`);
    });

    it('stop a session list whose server repeats page 1 for any page number, and say why', async () => {
      handler = (_request, response) =>
        json(response, 200, { success: true, data: { sessions: fullPage(1) }, paging: { total_count: 1e12 } });
      const client = new RealtimeKitClient({ baseUrl, getToken: () => 'token' });
      const batches = [];
      for await (const page of client.allSessions(scope, {}, { concurrency: 1 })) batches.push(page);
      assert.equal(batches.flat().length, 100);
      assert.match(batches.at(-1)?.truncated?.reason ?? '', /sent page 2 again/);
      assert.equal(requests.length, 2);
    });
  });
});

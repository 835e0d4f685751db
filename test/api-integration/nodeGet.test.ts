/**
 * The HTTP core's transport (Node's http module under axios, src/api/nodeGet.ts) against loopback servers:
 * what fetch did for it before (compression, redirects, errors axios understands), and what it did not
 * (one connection for many requests).
 */
import { strict as assert } from 'node:assert';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as zlib from 'node:zlib';
import { RealtimeKitApiError } from '../../src/api/errors';
import { RealtimeKitHttp, type RequestSpec } from '../../src/api/http';
import { decodedBody, nodeGet } from '../../src/api/nodeGet';

type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => void;

const spec: RequestSpec = { operation: 'Fetching the test answer', endpoint: '/answer', pathValues: {} };
const answer = { success: true, data: { text: 'Zürich · 東京 '.repeat(5_000) } };

interface TestServer {
  baseUrl: string;
  requests: Array<{ url: string; authorization?: string }>;
  connections: number;
  handler: Handler;
  close(): Promise<void>;
}

async function startServer(): Promise<TestServer> {
  const server = http.createServer((request, response) => {
    state.requests.push({ url: request.url ?? '', authorization: request.headers.authorization });
    state.handler(request, response);
  });
  server.on('connection', () => (state.connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const state: TestServer = {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: [],
    connections: 0,
    handler: (_request, response) => response.end(JSON.stringify(answer)),
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  return state;
}

async function failure(promise: Promise<unknown>): Promise<RealtimeKitApiError> {
  const error = await promise.then(
    () => assert.fail('expected a failure'),
    (caught: unknown) => caught,
  );
  assert.ok(error instanceof RealtimeKitApiError, `a RealtimeKitApiError, got ${String(error)}`);
  return error;
}

describe('The HTTP transport against loopback servers', function () {
  this.timeout(30_000);
  let server: TestServer;
  const httpFor = (baseUrl = server.baseUrl) => new RealtimeKitHttp({ baseUrl, getToken: () => 'secret-token', retryBaseDelayMs: 10 });

  beforeEach(async () => (server = await startServer()));
  afterEach(async () => server.close());

  it('sends request after request over one connection', async () => {
    const client = httpFor();
    for (let i = 0; i < 5; i++) assert.deepEqual((await client.get({ ...spec, refresh: true })).data, answer.data);
    assert.equal(server.requests.length, 5);
    assert.equal(server.connections, 1);
  });

  for (const [encoding, encode] of [
    ['gzip', zlib.gzipSync],
    ['deflate', zlib.deflateSync],
    ['br', zlib.brotliCompressSync],
  ] as const) {
    it(`asks for compressed answers and reads one sent as ${encoding}`, async () => {
      let asked: string | undefined;
      server.handler = (request, response) => {
        asked = request.headers['accept-encoding'];
        const body = encode(Buffer.from(JSON.stringify(answer)));
        response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': encoding, 'content-length': body.length });
        response.end(body);
      };
      const text = await httpFor().getText({ ...spec, refresh: true });
      assert.match(asked ?? '', new RegExp(`\\b${encoding}\\b`));
      assert.equal(text.text, JSON.stringify(answer));
    });
  }

  it("hands a compressed answer on in pieces as large as a socket read, not zlib's 16 KB", async () => {
    const text = JSON.stringify({ success: true, data: Array.from({ length: 60_000 }, (_, i) => ({ t: i, jitter: i % 97 })) });
    server.handler = (_request, response) => {
      const body = zlib.gzipSync(Buffer.from(text));
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': body.length });
      response.end(body);
    };
    const answer = await nodeGet(new Request(server.baseUrl));
    assert.equal(answer.encoding, 'gzip');
    const sizes: number[] = [];
    for await (const piece of decodedBody(answer)) sizes.push((piece as Buffer).byteLength);
    assert.equal(
      sizes.reduce((sum, size) => sum + size, 0),
      Buffer.byteLength(text),
    );
    // A piece may end early where a read of compressed bytes ends; 16 KB pieces would be over 80.
    assert.ok(Math.max(...sizes) > 16 * 1024, `the largest piece is ${Math.max(...sizes)} bytes`);
    assert.ok(sizes.length <= Math.ceil(text.length / (64 * 1024)) + 8, `${sizes.length} pieces`);
  });

  it('follows a redirect within the origin, and does not take the token to another one', async () => {
    const elsewhere = await startServer();
    try {
      server.handler = (request, response) => {
        if (request.url?.startsWith('/answer')) response.writeHead(307, { location: '/moved' }).end();
        else if (request.url?.startsWith('/moved')) response.writeHead(302, { location: `${elsewhere.baseUrl}/stolen` }).end();
      };
      const error = await failure(httpFor().get({ ...spec, refresh: true }));
      assert.deepEqual(
        server.requests.map((r) => [r.url, r.authorization]),
        [
          ['/answer', 'Bearer secret-token'],
          ['/moved', 'Bearer secret-token'],
        ],
      );
      assert.equal(elsewhere.requests.length, 0, 'another origin is not asked');
      assert.equal(error.status, 302);
      assert.doesNotMatch(error.message, /secret-token/);
    } finally {
      await elsewhere.close();
    }
  });

  it('says the API could not be reached, and why, when nothing listens', async () => {
    const baseUrl = server.baseUrl;
    await server.close();
    const error = await failure(httpFor(baseUrl).get({ ...spec, refresh: true }));
    assert.equal(error.kind, 'network');
    assert.match(error.message, /could not reach the API \(ECONNREFUSED\)/);
    server = await startServer(); // for afterEach
  });

  it('tries again when an answer breaks off midway, and reads the next one whole', async () => {
    let attempts = 0;
    server.handler = (_request, response) => {
      attempts += 1;
      const body = Buffer.from(JSON.stringify(answer));
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
      if (attempts > 1) return void response.end(body);
      response.write(body.subarray(0, 1000), () => response.socket?.destroy());
    };
    const text = await httpFor().getText({ ...spec, refresh: true });
    assert.equal(attempts, 2);
    assert.equal(text.text, JSON.stringify(answer));
  });

  it('stops at once when the caller cancels while the body downloads', async () => {
    const controller = new AbortController();
    server.handler = (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"success":true,"data":{"text":"', () => controller.abort());
    };
    const error = await failure(httpFor().get({ ...spec, refresh: true, signal: controller.signal }));
    assert.equal(error.kind, 'cancelled');
    assert.equal(server.requests.length, 1, 'not tried again');
  });
});

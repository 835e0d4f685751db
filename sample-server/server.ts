/** HTTP plumbing: auth, account check, faults, latency, headers, the request log and control endpoints. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { faultReply, FaultQueue, parseFault, type Fault } from './faults';
import { SAMPLE_ACCOUNT_ID, SAMPLE_APP_ID, SAMPLE_TOKEN, SAMPLE_TOKEN_NO_PERMISSION } from './identity';
import { ApiError, cloudflareError, realtimeKitError, realtimeKitErrorBody, type ApiResponse } from './responses';
import { DEFAULT_LIVE_STEP_MS } from './liveSession';
import { chosenEncoding, compressed } from './compression';
import { Link } from './link';
import { routeKitRequest, type RouteContext } from './routes';
import { DOWNLOAD_PREFIX, downloadFile } from './sessionMedia';
import { getWorld } from './world';

const API_PREFIX = '/client/v4';
const CONTROL_PREFIX = '/__control/';
const RATE_LIMIT = 1200;
const RATE_WINDOW_SECONDS = 300;
const REQUEST_LOG_LIMIT = 500;
const MAX_CONTROL_BODY = 64 * 1024;

export interface RequestLogEntry {
  method: string;
  /** Path with query string. */
  path: string;
  /** null when the connection was dropped on purpose. */
  status: number | null;
  /** Whether an Authorization header was sent; its value is never kept. */
  hasAuthorization: boolean;
  /** The connection it came on, numbered as they open: a client that keeps them open sends many on one. */
  connection: number;
}

export interface SampleServerOptions {
  /** 0 = any free port (default). */
  port?: number;
  /** Added to every API response, default 0. */
  latencyMs?: number;
  /**
   * Real time between steps of the LIVE session (someone joins each step): default the environment
   * variable RTK_SAMPLE_LIVE_STEP_MS, else 20 s. Steps count from the server's start.
   */
  liveStepMs?: number;
  /**
   * The answers' bodies share a link of this many Mbit/s, as over a user's connection: default the
   * environment variable RTK_SAMPLE_LINK_MBPS, else none (loopback speed).
   */
  linkMbps?: number;
  /**
   * Answers come compressed when the client accepts it, as the API's do through Cloudflare's network
   * (compression.ts): default the environment variable RTK_SAMPLE_COMPRESS=1, else off.
   */
  compress?: boolean;
}

function liveStepFrom(options: SampleServerOptions): number {
  const fromEnvironment = Number(process.env.RTK_SAMPLE_LIVE_STEP_MS);
  const step = options.liveStepMs ?? (Number.isFinite(fromEnvironment) && fromEnvironment > 0 ? fromEnvironment : DEFAULT_LIVE_STEP_MS);
  if (!(step > 0)) throw new Error(`liveStepMs must be positive, got ${step}`);
  return step;
}

export interface SampleServer {
  readonly baseUrl: string;
  readonly port: number;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** How an API answer goes out: over the link when there is one, compressed when asked for and accepted. */
interface Delivery {
  link?: Link;
  compress?: boolean;
}

async function send(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  text: string,
  delivery: Delivery = {},
  /** Where a kept answer keeps its compressed forms. */
  kept?: ApiResponse['encoded'],
): Promise<void> {
  const encoding = delivery.compress ? chosenEncoding(res.req.headers['accept-encoding'], status) : undefined;
  if (!delivery.link && !encoding) {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(text);
    return;
  }
  const body = encoding ? compressed({ text, encoded: kept }, encoding) : Buffer.from(text);
  const encoded = encoding ? { 'content-encoding': encoding, vary: 'accept-encoding' } : {};
  res.writeHead(status, { 'content-type': 'application/json', ...headers, ...encoded, 'content-length': String(body.byteLength) });
  if (delivery.link) await delivery.link.send(res, body);
  else res.end(body);
}

function sendJson(
  res: ServerResponse,
  response: ApiResponse,
  extraHeaders: Record<string, string> = {},
  delivery?: Delivery,
): Promise<void> {
  const text = response.text ?? JSON.stringify(response.body);
  return send(res, response.status, { ...extraHeaders, ...response.headers }, text, delivery, response.encoded);
}

function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

/** A control body's list of peer IDs, or why it is not one. */
function peerIdList(value: unknown, name: string): string[] {
  if (!Array.isArray(value) || !value.every((id) => typeof id === 'string')) throw new Error(`${name} must be a list of peer IDs`);
  return value as string[];
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      text += chunk;
      if (text.length > MAX_CONTROL_BODY) reject(new Error('body too large'));
    });
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

/** Counts requests per five-minute window for the Ratelimit headers; the limit itself is never enforced. */
class RateLimitCounter {
  private windowStart = 0;
  private used = 0;

  headers(): Record<string, string> {
    const now = Date.now();
    if (now - this.windowStart >= RATE_WINDOW_SECONDS * 1000) {
      this.windowStart = now;
      this.used = 0;
    }
    this.used++;
    const resetIn = Math.ceil((this.windowStart + RATE_WINDOW_SECONDS * 1000 - now) / 1000);
    return {
      ratelimit: `"default";r=${Math.max(0, RATE_LIMIT - this.used)};t=${resetIn}`,
      'ratelimit-policy': `"default";q=${RATE_LIMIT};w=${RATE_WINDOW_SECONDS}`,
    };
  }

  /** A new window starts with the next request, the whole budget left. */
  newWindow(): void {
    this.windowStart = 0;
  }
}

/** Auth and account checks, then the RealtimeKit routes. */
function answerApi(req: IncomingMessage, url: URL, context: RouteContext): ApiResponse {
  const authorization = req.headers.authorization ?? '';
  const token = /^Bearer (.+)$/.exec(authorization)?.[1];
  if (token !== SAMPLE_TOKEN && token !== SAMPLE_TOKEN_NO_PERMISSION) return cloudflareError(401, 10000, 'Authentication error');
  if (token === SAMPLE_TOKEN_NO_PERMISSION) return cloudflareError(403, 10000, 'Authentication error');
  if (req.method !== 'GET') return realtimeKitError(405, `Method ${req.method} not allowed`);
  let segments: string[];
  try {
    segments = url.pathname.slice(API_PREFIX.length).split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return realtimeKitError(400, `Malformed percent-encoding in ${url.pathname}`);
  }
  const [accounts, accountId, realtime, kit, ...rest] = segments;
  if (accounts !== 'accounts' || realtime !== 'realtime' || kit !== 'kit' || rest.length === 0) {
    return realtimeKitError(404, `No route for ${url.pathname}`);
  }
  if (accountId !== SAMPLE_ACCOUNT_ID) return cloudflareError(403, 9109, 'Unauthorized to access requested resource');
  try {
    return routeKitRequest(rest, url.searchParams, context);
  } catch (error) {
    if (error instanceof ApiError) return error.response;
    throw error;
  }
}

export function startSampleServer(options: SampleServerOptions = {}): Promise<SampleServer> {
  const latencyMs = options.latencyMs ?? 0;
  const linkMbps = options.linkMbps ?? (process.env.RTK_SAMPLE_LINK_MBPS ? Number(process.env.RTK_SAMPLE_LINK_MBPS) : undefined);
  const delivery: Delivery = {
    link: linkMbps === undefined ? undefined : new Link(linkMbps),
    compress: options.compress ?? process.env.RTK_SAMPLE_COMPRESS === '1',
  };
  const liveStepMs = liveStepFrom(options);
  const routeContext = (): RouteContext => ({
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    liveSteps: Math.floor((Date.now() - startedAt) / liveStepMs),
    revisionOf: (peerId) => revision + (peerRevisions.get(peerId) ?? 0),
  });
  // Peer reports re-issued this many times (every one, and each one alone): a Refresh then gets other
  // answers than before.
  let revision = 0;
  const peerRevisions = new Map<string, number>();
  const faults = new FaultQueue();
  const rateLimit = new RateLimitCounter();
  let requestLog: RequestLogEntry[] = [];
  const connectionNumbers = new WeakMap<Socket, number>();
  let connectionsOpened = 0;
  const connectionOf = (req: IncomingMessage) => connectionNumbers.get(req.socket) ?? 0;

  function log(entry: RequestLogEntry): void {
    requestLog.push(entry);
    if (requestLog.length > REQUEST_LOG_LIMIT) requestLog = requestLog.slice(-REQUEST_LOG_LIMIT);
  }

  async function handleControl(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (!isLoopback(req.socket.remoteAddress)) return sendJson(res, realtimeKitError(403, 'Control endpoints answer loopback only'));
    const route = `${req.method} ${url.pathname}`;
    if (route === 'GET /__control/requests') return sendJson(res, { status: 200, body: { success: true, data: requestLog } });
    if (route === 'DELETE /__control/requests') {
      requestLog = [];
      return sendJson(res, { status: 200, body: { success: true } });
    }
    if (route === 'DELETE /__control/rate-limit') {
      // A benchmark runs the 300-request overview more often than a budget of 1,200 per five minutes allows,
      // and the extension rightly spreads its requests once the headers say the budget is short.
      rateLimit.newWindow();
      return sendJson(res, { status: 200, body: { success: true } });
    }
    if (route === 'POST /__control/revision') {
      let warm: string[];
      let peers: string[] | undefined;
      try {
        const text = await readBody(req);
        const body = (text ? JSON.parse(text) : {}) as { warm?: unknown; peers?: unknown };
        warm = peerIdList(body.warm ?? [], 'warm');
        if (body.peers !== undefined) peers = peerIdList(body.peers, 'peers');
      } catch (error) {
        return sendJson(res, realtimeKitError(400, `Invalid revision: ${(error as Error).message}`));
      }
      // Every report, or only those of `peers` (a LIVE call: the peer still in the call has more to say).
      const revised = (peerId: string) => !peers || peers.includes(peerId);
      const revisionOf = (peerId: string) => routeContext().revisionOf(peerId) + (revised(peerId) ? 1 : 0);
      // Built now, as the extension asks for them, so that the next requests are answered from the
      // report cache: a benchmark then does not count the server building them on the same cores.
      const context = { ...routeContext(), revisionOf };
      try {
        for (const peerId of [...warm, ...(peers ?? [])]) {
          const report = routeKitRequest(
            [SAMPLE_APP_ID, 'sessions', 'peer-report', peerId],
            new URLSearchParams('include_peer_events=true'),
            context,
          );
          // Compressed now too, in the encoding the extension will be answered in.
          if (delivery.compress && report.text) compressed({ text: report.text, encoded: report.encoded }, 'br');
        }
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        return sendJson(res, realtimeKitError(400, `Invalid revision: a peer asked for has no report to build (${error.message})`));
      }
      if (peers) for (const peerId of new Set(peers)) peerRevisions.set(peerId, (peerRevisions.get(peerId) ?? 0) + 1);
      else revision += 1;
      return sendJson(res, { status: 200, body: { success: true, data: { revision, peers: Object.fromEntries(peerRevisions) } } });
    }
    if (route === 'DELETE /__control/faults') {
      faults.clear();
      return sendJson(res, { status: 200, body: { success: true } });
    }
    if (route === 'POST /__control/faults') {
      let fault: Fault;
      let match: string;
      let times: number;
      try {
        const body: unknown = JSON.parse(await readBody(req));
        fault = parseFault(body);
        const { match: rawMatch = '', times: rawTimes = 1 } = body as { match?: unknown; times?: unknown };
        if (typeof rawMatch !== 'string') throw new Error('match must be a string');
        if (typeof rawTimes !== 'number' || !Number.isInteger(rawTimes) || rawTimes < 1)
          throw new Error('times must be a positive integer');
        match = rawMatch;
        times = rawTimes;
      } catch (error) {
        return sendJson(res, realtimeKitError(400, `Invalid fault: ${(error as Error).message}`));
      }
      faults.add(fault, match, times);
      return sendJson(res, { status: 201, body: { success: true, data: { ...fault, match, times } } });
    }
    return sendJson(res, realtimeKitError(404, `No control route ${route}`));
  }

  async function handleApiRequest(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const pathWithQuery = url.pathname + url.search;
    const entry: RequestLogEntry = {
      method: req.method ?? 'GET',
      path: pathWithQuery,
      status: null,
      hasAuthorization: req.headers.authorization !== undefined,
      connection: connectionOf(req),
    };
    log(entry);
    res.on('finish', () => {
      entry.status = res.statusCode;
    });
    const headers = rateLimit.headers();

    let fault: Fault | undefined;
    const faultHeader = req.headers['x-sample-fault'];
    if (typeof faultHeader === 'string') {
      try {
        fault = parseFault(JSON.parse(faultHeader));
      } catch (error) {
        return send(
          res,
          400,
          headers,
          JSON.stringify(realtimeKitErrorBody(400, `Invalid x-sample-fault header: ${(error as Error).message}`)),
        );
      }
    } else {
      fault = faults.take(pathWithQuery);
    }

    if (latencyMs > 0) await sleep(latencyMs);
    if (fault?.delayMs) await sleep(fault.delayMs);
    if (fault?.dropConnection) {
      req.socket.destroy();
      return;
    }
    const reply = fault && faultReply(fault);
    if (reply) return send(res, reply.status, { ...headers, ...reply.headers }, reply.text);
    if (fault?.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);

    await sendJson(res, answerApi(req, url, routeContext()), headers, delivery);
  }

  /** The files behind transcript, summary and chat download URLs: no token, as with a pre-signed URL. */
  async function handleDownload(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const entry: RequestLogEntry = {
      method: req.method ?? 'GET',
      path: url.pathname + url.search,
      status: null,
      hasAuthorization: req.headers.authorization !== undefined,
      connection: connectionOf(req),
    };
    log(entry);
    res.on('finish', () => {
      entry.status = res.statusCode;
    });
    const file = req.method === 'GET' ? downloadFile(url.pathname.slice(DOWNLOAD_PREFIX.length)) : undefined;
    if (!file) return sendJson(res, realtimeKitError(404, `No file at ${url.pathname}`));
    res.writeHead(200, { 'content-type': file.type });
    res.end(file.text);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith(CONTROL_PREFIX)) return handleControl(req, res, url);
    if (url.pathname.startsWith(DOWNLOAD_PREFIX)) return handleDownload(req, res, url);
    if (url.pathname !== API_PREFIX && !url.pathname.startsWith(`${API_PREFIX}/`)) {
      return sendJson(res, realtimeKitError(404, `No route for ${url.pathname}`), rateLimit.headers());
    }
    return handleApiRequest(req, res, url);
  }

  // Build the world before listening, so the first request is as fast as the rest.
  getWorld();
  // The one use of the wall clock: the LIVE session advances with this server's uptime.
  const startedAt = Date.now();
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, realtimeKitError(500, `Sample server error: ${(error as Error).message}`));
      else res.destroy();
    });
  });
  server.on('connection', (socket: Socket) => connectionNumbers.set(socket, ++connectionsOpened));

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      resolve({
        baseUrl: `http://127.0.0.1:${port}${API_PREFIX}`,
        port,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}

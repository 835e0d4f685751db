/**
 * A GET over Node's http and https modules, for the HTTP core's fetch (cappedFetch.ts). VS Code patches
 * these modules for an extension's proxy and certificate settings, as it patches fetch; but its fetch
 * gives every request a connection of its own (335 requests of an overview opened 337) and reads bodies
 * through web streams. In plain Node on the development VM, 300 answers of 200 KB, 4 at a time, took
 * 296 ms of CPU through fetch and 119 through http; three of 14 MB, 139 and 37.
 */
// Not 'node:http': VS Code hands an extension its patched modules under these names only.
import * as http from 'http';
import * as https from 'https';
import { pipeline, type Readable } from 'node:stream';
import { contentEncodingOf, decodingStream, type ContentEncoding } from './contentEncoding';

export interface NodeAnswer {
  status: number;
  statusText: string;
  headers: Headers;
  /** The body as it comes: compressed when `encoding` says so. */
  body: Readable;
  /** How the body is compressed, when it is (in a way decoded here). */
  encoding?: ContentEncoding;
}

/** The answer's body decoded as it arrives, when it came compressed. */
export function decodedBody(answer: NodeAnswer): Readable {
  if (!answer.encoding) return answer.body;
  // pipeline destroys both ends when either fails, and the decoder then ends its reader with the error.
  return pipeline(answer.body, decodingStream(answer.encoding), () => undefined);
}

/** As many as fetch follows. */
const MAX_REDIRECTS = 20;

/**
 * Asked for as fetch does, so that a large answer may come compressed; and the connection kept open for
 * the next request. VS Code's patch gives each request an agent of its own whose keepAlive is off
 * (microsoft/vscode#173861, #228872), so Node would send `Connection: close`; the header asked for
 * explicitly is what keeps the socket in Node's global agent, to be used again.
 */
const ASKED_FOR = { 'accept-encoding': 'gzip, deflate, br', connection: 'keep-alive' };

/**
 * The answer to a GET Request once its headers are in. Fails as fetch fails, so axios reads the error
 * as it did: a TypeError "fetch failed" whose cause says why, or the AbortError of the request's signal.
 * A redirect is followed within the same origin only: the token is not sent elsewhere.
 */
export async function nodeGet(request: Request): Promise<NodeAnswer> {
  if (request.method !== 'GET') throw new TypeError('fetch failed', { cause: new Error(`Only GET is sent, not ${request.method}`) });
  let url = new URL(request.url);
  for (let hops = 0; ; hops++) {
    const answer = await getOnce(url, request.headers, request.signal);
    const location = answer.headers.get('location');
    if (answer.status < 300 || answer.status >= 400 || !location || request.redirect === 'manual' || hops >= MAX_REDIRECTS) return answer;
    const next = new URL(location, url);
    if (next.origin !== url.origin) return answer;
    answer.body.destroy();
    url = next;
  }
}

function getOnce(url: URL, headers: Headers, signal: AbortSignal): Promise<NodeAnswer> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : undefined;
    if (!client) {
      reject(new TypeError('fetch failed', { cause: new Error(`Unsupported protocol ${url.protocol}`) }));
      return;
    }
    const outgoing: Record<string, string> = { ...ASKED_FOR };
    headers.forEach((value, name) => (outgoing[name] = value));
    const sent = client.get(url, { headers: outgoing, signal }, (incoming) => {
      const answerHeaders = new Headers();
      const raw = incoming.rawHeaders;
      for (let i = 0; i + 1 < raw.length; i += 2) answerHeaders.append(raw[i], raw[i + 1]);
      resolve({
        status: incoming.statusCode ?? 0,
        statusText: incoming.statusMessage ?? '',
        headers: answerHeaders,
        body: incoming,
        encoding: contentEncodingOf(answerHeaders.get('content-encoding')),
      });
    });
    sent.on('error', (error) => reject(error.name === 'AbortError' ? error : new TypeError('fetch failed', { cause: error })));
  });
}

/**
 * Runs Prism (the Stoplight OpenAPI mock) on the official spec, on a free loopback port, for contract
 * tests. A request that breaks the spec gets 422 with the violations. (Not --errors: that also fails
 * answers Prism builds from the spec's own examples, which break its recursive breakout_rooms schema.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { freePort } from '../host/codeServer';

export interface PrismServer {
  readonly url: string;
  /** Prism's log, for diagnosing a failed request. */
  readonly output: () => string;
  stop(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '..', '..');

export async function startPrism(specFile: string): Promise<PrismServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    path.join(ROOT, 'node_modules', '.bin', 'prism'),
    ['mock', '--host', '127.0.0.1', '--port', String(port), specFile],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    await Promise.race([new Promise((resolve) => child.once('exit', resolve)), new Promise((resolve) => setTimeout(resolve, 5_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  const deadline = Date.now() + 60_000;
  while (!output.includes('Prism is listening')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`Prism did not start:\n${output.slice(-2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url: `http://127.0.0.1:${port}`, output: () => output, stop };
}

/**
 * `npm start`: builds the extension, starts the sample RealtimeKit server and code-server with the
 * extension loaded and settings pointing at the sample server (the sample's fake token stored), and
 * prints the URL to open. Runs until Ctrl+C.
 *
 *   npm start -- --port 8080 --host 0.0.0.0   listen elsewhere than a free loopback port
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  ATTRIBUTION_SESSION_IDS,
  LIVE_SESSION_IDS,
  SAMPLE_ACCOUNT_ID,
  SAMPLE_APP_ID,
  SAMPLE_TOKEN,
  STORY_SESSION_IDS,
  sampleCatalog,
  startSampleServer,
} from '../sample-server';
import { startCodeServer, workbenchUrl } from '../test/host/codeServer';
import { ensureTestHost } from '../test/host/ensureTestHost';

const ROOT = path.resolve(__dirname, '..');
const DEMO_EXTENSION = path.join(ROOT, 'test', 'fixtures', 'demo-token-extension');

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  const build = spawnSync('npx', ['tsx', 'scripts/build.ts'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the build failed');
  ensureTestHost();
  const sample = await startSampleServer({ latencyMs: Number(option('--latency') ?? 40) });
  // The sample token is a fixed fake value of the sample server; the demo helper hands it to setApiToken.
  fs.writeFileSync(
    path.join(DEMO_EXTENSION, 'demo-token.json'),
    JSON.stringify({ token: SAMPLE_TOKEN, sessionId: STORY_SESSION_IDS.current }),
  );
  const port = option('--port') ? Number(option('--port')) : undefined;
  const server = await startCodeServer({
    port,
    host: option('--host'),
    extensions: [DEMO_EXTENSION],
    settings: {
      'realtimekit.apiBaseUrl': sample.baseUrl,
      'realtimekit.accountId': SAMPLE_ACCOUNT_ID,
      'realtimekit.appId': SAMPLE_APP_ID,
    },
  });
  const catalog = sampleCatalog();
  const url = workbenchUrl(server, { extensionDevelopmentPaths: [ROOT] });
  console.log(`
RealtimeKit Inspector demo is running.
  Open: ${url}

  Sample server   ${sample.baseUrl}  (account ${SAMPLE_ACCOUNT_ID}, app ${SAMPLE_APP_ID})
  The RealtimeKit view lists "Weekly Product Sync": its inline button opens the session overview
  (who had a bad call, and why). More stories to try:
       RealtimeKit: Show Session Overview    ${ATTRIBUTION_SESSION_IDS.current}  (who affected whom)
       RealtimeKit: Show Session Overview    ${STORY_SESSION_IDS.legacy}  (the older API generation)
       RealtimeKit: Show Session Overview    ${LIVE_SESSION_IDS.current}  (LIVE, re-read every 15 s)
       RealtimeKit: Show Session Participant ${catalog.troubledParticipant.sessionId} / ${catalog.troubledParticipant.participantId}
       RealtimeKit: Show Peer Report         ${catalog.troubledParticipant.peerIds[0]}
  Ctrl+C stops everything.
`);
  const stop = async () => {
    await server.stop();
    await sample.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

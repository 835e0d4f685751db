/** CLI: npx tsx sample-server/main.ts [--port N] [--latency MS] */
import { SAMPLE_ACCOUNT_ID, SAMPLE_APP_ID, SAMPLE_TOKEN, sampleCatalog, startSampleServer } from './index';

function numberOption(args: string[], name: string, fallback: number): number {
  const index = args.indexOf(name);
  if (index === -1) return fallback;
  const value = Number(args[index + 1]);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`${name} needs a whole number, got "${args[index + 1] ?? ''}"`);
    process.exit(2);
  }
  return value;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const server = await startSampleServer({ port: numberOption(args, '--port', 0), latencyMs: numberOption(args, '--latency', 0) });
  const catalog = sampleCatalog();
  // The token is a fixed, fake sample value, printed so a demo can paste it into "Set API Token".
  console.log(`RealtimeKit sample server
  base URL   ${server.baseUrl}
  account ID ${SAMPLE_ACCOUNT_ID}
  app ID     ${SAMPLE_APP_ID}
  token      ${SAMPLE_TOKEN}
  current session  ${catalog.currentSession.id}
  legacy session   ${catalog.legacySession.id}
  troubled participant ${catalog.troubledParticipant.participantId} (peers ${catalog.troubledParticipant.peerIds.join(', ')})
Ctrl+C to stop.`);
  const stop = () => {
    server.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

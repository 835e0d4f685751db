/** CLI: npx tsx sample-server/main.ts [--port N] [--latency MS] [--live-step MS] [--compress] */
import {
  ATTRIBUTION_PARTICIPANTS,
  ATTRIBUTION_SESSION_IDS,
  HEAVY_PARTICIPANTS,
  LIVE_SESSION_IDS,
  SAMPLE_ACCOUNT_ID,
  SAMPLE_APP_ID,
  SAMPLE_TOKEN,
  SCALE_SESSION_IDS,
  sampleCatalog,
  startSampleServer,
  STORY_PARTICIPANTS,
  STORY_SESSION_IDS,
} from './index';

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
  const liveStep = numberOption(args, '--live-step', 0);
  const server = await startSampleServer({
    port: numberOption(args, '--port', 0),
    latencyMs: numberOption(args, '--latency', 0),
    liveStepMs: liveStep > 0 ? liveStep : undefined,
    compress: args.includes('--compress') || undefined,
  });
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
  story session (Weekly Product Sync)            current ${STORY_SESSION_IDS.current}  legacy ${STORY_SESSION_IDS.legacy}
    failing participant Jordan Lee               current ${STORY_PARTICIPANTS.current.jordan.id}
  attribution session (Incident Review)          current ${ATTRIBUTION_SESSION_IDS.current}  legacy ${ATTRIBUTION_SESSION_IDS.legacy}
    Sam Rivera's peer                            current ${ATTRIBUTION_PARTICIPANTS.current.sam.peerIds[0]}
  LIVE session (someone joins every step)        current ${LIVE_SESSION_IDS.current}  legacy ${LIVE_SESSION_IDS.legacy}
  100 participants x 2 peers                     ${SCALE_SESSION_IDS.hundredTwoPeers}
  2,345-participant webinar                      ${SCALE_SESSION_IDS.webinar2345}
  heavy peers (3 x 20,000 samples per series)    ${HEAVY_PARTICIPANTS.heavy.peerIds.join(', ')}
  very heavy peer (100,000 samples per series)   ${HEAVY_PARTICIPANTS.veryHeavy.peerIds[0]}
Ctrl+C to stop.`);
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

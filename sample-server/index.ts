/** Public surface of the loopback sample RealtimeKit server. */
export { startSampleServer, type SampleServer, type SampleServerOptions, type RequestLogEntry } from './server';
export { SAMPLE_ACCOUNT_ID, SAMPLE_APP_ID, SAMPLE_TOKEN, SAMPLE_TOKEN_NO_PERMISSION } from './identity';
export { sampleCatalog, type SampleCatalog, type CatalogSession, type CatalogParticipant } from './catalog';
export {
  ATTRIBUTION_PARTICIPANTS,
  ATTRIBUTION_SESSION_IDS,
  HEAVY_PARTICIPANTS,
  LIVE_SESSION_IDS,
  SCALE_SESSION_IDS,
  STORY_PARTICIPANTS,
  STORY_SESSION_IDS,
  type StoryParticipantIds,
} from './stories';
export type { Fault } from './faults';

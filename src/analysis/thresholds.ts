/**
 * Every threshold the issue rules use, in one table. Sources:
 *  [G114]  ITU-T G.114: one-way delay up to 150 ms is fine for most calls, 400 ms is the upper limit;
 *          we flag a round trip above 300 ms (about 150 ms each way).
 *  [G107]  ITU-T G.107 (E-model) MOS bands: >= 4.0 satisfied, 3.6-4.0 some dissatisfied, 3.1-3.6 many,
 *          below 3.1 nearly all; we flag below 3.5.
 *  [VOIP]  Common VoIP practice (Cisco, Twilio and callstats.io guidance): jitter above 30 ms and packet
 *          loss above 5 % are audible; loss above 15 % makes speech hard to follow.
 *  [WEBRTC] W3C WebRTC statistics: qualityLimitationReason "cpu" / "bandwidth" means the encoder lowered
 *          resolution or frame rate for that reason; below 15 fps motion looks choppy.
 *  [SDK]   RealtimeKit / Dyte pre-call test and *_cumulative fields (event fractions at 5/10/25/50 % loss,
 *          100/250/500 ms RTT) place their first bands at 5 % loss and 100-250 ms RTT.
 * "Sustained" means consecutive samples covering at least `minSeconds`, so single-sample blips do not count.
 */
import type { PrecallLimits } from '../shared/messages';

export const THRESHOLDS = {
  /** [VOIP] [SDK] */
  loss: { percent: 5, criticalPercent: 15, minSeconds: 10 },
  /** [VOIP] */
  jitter: { ms: 30, criticalMs: 100, minSeconds: 10 },
  /** [G107] sustained low MOS, or the call's later quality a whole point below its start. */
  mos: { below: 3.5, critical: 3.1, minSeconds: 10, fallBy: 1.0 },
  /** [G114] */
  rtt: { ms: 300, criticalMs: 500, minSeconds: 10 },
  /** [WEBRTC] a camera below 15 fps (not a screen share: see trackKinds.ts). */
  fps: { below: 15, minSeconds: 10 },
  /** [WEBRTC] height at half the track's best or lower. */
  resolution: { downgradeFactor: 0.5, minSeconds: 10 },
  /** [WEBRTC] limited for 20 s in a row, or for a tenth of the call. */
  limitation: { minSeconds: 20, minFraction: 0.1 },
  /** A device change within this long after joining is the initial set-up, not a change mid-call. */
  deviceChange: { setupSeconds: 10 },
  /** Consecutive samples further apart than this many typical intervals are not one stretch. */
  gapIntervals: 3,
} as const;

/** [SDK] [G114] [VOIP] Pre-call test figures judged pass/fail; shown in the panel's badges too. */
export const PRECALL_LIMITS: PrecallLimits = {
  maxRttMs: 300,
  maxJitterMs: 30,
  maxLossFraction: 0.05,
  minThroughputKbps: 500,
};

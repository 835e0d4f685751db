/**
 * What an inspection read, by fingerprint (BodyFingerprint: the SHA-256 of each MiB of a body, taken by
 * the fetch as it arrives): a Refresh that gets the same bytes again keeps what it read instead of
 * reading tens of MB again, and keeps the panel's zoom and scroll.
 */
export interface AnswerFingerprints {
  /** The target's own answer. */
  answer: string;
  /** Each peer's report it merged, by peer ID; empty when the target's own answer held its statistics. */
  peers: Record<string, string>;
}

/**
 * Time windows in which one track had a given problem, with the same thresholds and "sustained" rule
 * as the single-participant analysis (src/analysis), so a receiver's issue and its sender's can be
 * laid side by side. Every window is returned, not only the first.
 */
import { sustained, typicalInterval } from '../analysis/series';
import { THRESHOLDS } from '../analysis/thresholds';
import { isCamera, isVideo } from '../analysis/trackKinds';
import { maxOf } from '../shared/extent';
import type { MetricKey } from '../shared/metrics';
import type { QualityTrack } from '../shared/model';

export type SendSide = 'uplink' | 'sent video' | 'send side';

export interface ProblemRule {
  /** The detectIssues rule ID the problem is reported under. */
  rule: string;
  /** "loss", "jitter": for sentences. */
  label: string;
  metric: MetricKey;
  /** Whether a value is bad on this track (resolution compares with the track's own best). */
  isBad: (track: QualityTrack) => (value: number) => boolean;
  minSeconds: number;
  worst: 'max' | 'min';
  /** "12 % loss", "MOS 2.8". */
  figure: (peak: number) => string;
  /**
   * What of the sender's a problem on its send side says was wrong: loss and jitter are its network's
   * ("uplink"); a low frame rate or resolution is what its encoder sent, for want of CPU as often as of
   * bandwidth ("sent video"); a low MOS may be either ("send side"). Calling a CPU-limited camera the
   * uplink sent people after the wrong fix.
   */
  sendSide: SendSide;
  /** The tracks the rule judges; every one when absent. */
  applies?: (track: QualityTrack) => boolean;
}

export interface ProblemWindow {
  rule: string;
  from: number;
  to: number;
  /** End of the time the window covers: its last sample plus one sampling interval. */
  end: number;
  peak: number;
}

const rounded = (value: number, digits = 1) => String(Math.round(value * 10 ** digits) / 10 ** digits);

function bestHeight(track: QualityTrack): number {
  const height = track.columns.height;
  return Math.max(0, (height && maxOf(height)) ?? 0);
}

export const PROBLEM_RULES: readonly ProblemRule[] = [
  {
    rule: 'sustained-packet-loss',
    label: 'packet loss',
    metric: 'lossPct',
    isBad: () => (v) => v > THRESHOLDS.loss.percent,
    minSeconds: THRESHOLDS.loss.minSeconds,
    worst: 'max',
    figure: (p) => `${rounded(p)} % loss`,
    sendSide: 'uplink',
  },
  {
    rule: 'high-jitter',
    label: 'high jitter',
    metric: 'jitterMs',
    isBad: () => (v) => v > THRESHOLDS.jitter.ms,
    minSeconds: THRESHOLDS.jitter.minSeconds,
    worst: 'max',
    figure: (p) => `${rounded(p, 0)} ms jitter`,
    sendSide: 'uplink',
  },
  {
    rule: 'low-mos',
    label: 'low MOS',
    metric: 'mos',
    isBad: () => (v) => v < THRESHOLDS.mos.below,
    minSeconds: THRESHOLDS.mos.minSeconds,
    worst: 'min',
    figure: (p) => `MOS ${rounded(p)}`,
    sendSide: 'send side',
  },
  {
    rule: 'fps-drop',
    label: 'a low frame rate',
    metric: 'fps',
    isBad: () => (v) => v < THRESHOLDS.fps.below,
    minSeconds: THRESHOLDS.fps.minSeconds,
    worst: 'min',
    figure: (p) => `${rounded(p, 0)} fps`,
    sendSide: 'sent video',
    applies: isCamera,
  },
  {
    rule: 'resolution-downgrade',
    label: 'a lowered resolution',
    metric: 'height',
    isBad: (track) => {
      const limit = bestHeight(track) * THRESHOLDS.resolution.downgradeFactor;
      return (v) => v > 0 && v <= limit;
    },
    minSeconds: THRESHOLDS.resolution.minSeconds,
    worst: 'min',
    figure: (p) => `${p}p`,
    sendSide: 'sent video',
    applies: isVideo,
  },
];

/**
 * What the problems of these rule IDs on a sender's side say was wrong, in one phrase: the one specific
 * phrase among them (a low MOS beside loss is the loss's), else "send side".
 */
export function sendSideOf(rules: readonly string[]): SendSide {
  const sides = new Set(rules.map((rule) => PROBLEM_RULES.find((candidate) => candidate.rule === rule)?.sendSide ?? 'send side'));
  sides.delete('send side');
  return sides.size === 1 ? [...sides][0] : 'send side';
}

export function appliesTo(rule: ProblemRule, track: QualityTrack): boolean {
  return rule.applies?.(track) ?? true;
}

export function problemWindows(track: QualityTrack, rule: ProblemRule): ProblemWindow[] {
  if (!appliesTo(rule, track)) return [];
  const { t } = track.columns;
  const interval = typicalInterval(t);
  return sustained(t, track.columns[rule.metric], rule.isBad(track), rule.minSeconds, rule.worst).map((stretch) => ({
    rule: rule.rule,
    from: stretch.from,
    to: stretch.to,
    end: stretch.to + interval,
    peak: stretch.peak,
  }));
}

export function overlaps(a: Pick<ProblemWindow, 'from' | 'end'>, b: Pick<ProblemWindow, 'from' | 'end'>): boolean {
  return a.from < b.end && b.from < a.end;
}

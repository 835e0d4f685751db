/** The *_cumulative summaries of the current peer report, computed from the sample series. */
import type { AudioReceiveSample, AudioSendSample, VideoReceiveSample, VideoSendSample } from './callStats';
import { round } from './random';

function average(values: number[]): number {
  return values.length === 0 ? 0 : round(values.reduce((sum, v) => sum + v, 0) / values.length, 3);
}

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}

function fractionOf<T>(items: T[], test: (item: T) => boolean): number {
  return items.length === 0 ? 0 : round(items.filter(test).length / items.length, 4);
}

function percentileStats(values: number[]): { avg: number; p50: number; p75: number; p90: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { avg: average(values), p50: percentile(sorted, 0.5), p75: percentile(sorted, 0.75), p90: percentile(sorted, 0.9) };
}

function packetLossCumulative(lossPercents: number[]): Record<string, number> {
  return {
    avg: average(lossPercents),
    '5_or_greater_event_fraction': fractionOf(lossPercents, (v) => v >= 5),
    '10_or_greater_event_fraction': fractionOf(lossPercents, (v) => v >= 10),
    '25_or_greater_event_fraction': fractionOf(lossPercents, (v) => v >= 25),
    '50_or_greater_event_fraction': fractionOf(lossPercents, (v) => v >= 50),
  };
}

function latencyCumulative(millis: number[]): Record<string, number> {
  return {
    avg: average(millis),
    '100ms_or_greater_event_fraction': fractionOf(millis, (v) => v >= 100),
    '250ms_or_greater_event_fraction': fractionOf(millis, (v) => v >= 250),
    '500ms_or_greater_event_fraction': fractionOf(millis, (v) => v >= 500),
  };
}

export function audioProducerCumulative(samples: AudioSendSample[]): Record<string, unknown> {
  return {
    packet_loss: packetLossCumulative(samples.map((s) => s.lossPct)),
    quality_mos: percentileStats(samples.map((s) => s.mos)),
    rtt: latencyCumulative(samples.map((s) => s.rttMs)),
  };
}

export function audioConsumerCumulative(samples: AudioReceiveSample[]): Record<string, unknown> {
  return {
    jitter_buffer_delay: latencyCumulative(samples.map((s) => s.jitterBufferDelayMs)),
    packet_loss: packetLossCumulative(samples.map((s) => s.lossPct)),
    quality_mos: percentileStats(samples.map((s) => s.mos)),
  };
}

const POOR_RESOLUTION_WIDTH = 640;

export function videoProducerCumulative(samples: VideoSendSample[]): Record<string, unknown> {
  return {
    frame_per_second: percentileStats(samples.map((s) => s.fps)),
    frame_width: percentileStats(samples.map((s) => s.width)),
    high_negative_feedback_fraction: fractionOf(samples, (s) => s.pliCount + s.firCount >= 3),
    issues: {
      bandwidth_quality_limitation_fraction: fractionOf(samples, (s) => s.limitation === 'bandwidth'),
      cpu_quality_limitation_fraction: fractionOf(samples, (s) => s.limitation === 'cpu'),
      no_video_fraction: fractionOf(samples, (s) => s.fps === 0),
      poor_resolution_fraction: fractionOf(samples, (s) => s.width < POOR_RESOLUTION_WIDTH),
      quality_limitation_fraction: fractionOf(samples, (s) => s.limitation !== 'none'),
    },
    key_frames_encoded_fraction: fractionOf(samples, (s) => s.keyFramesEncoded > 0),
    packet_loss: packetLossCumulative(samples.map((s) => s.lossPct)),
    quality_mos: percentileStats(samples.map((s) => s.mos)),
    rtt: latencyCumulative(samples.map((s) => s.rttMs)),
  };
}

export function videoConsumerCumulative(samples: VideoReceiveSample[]): Record<string, unknown> {
  return {
    frame_per_second: percentileStats(samples.map((s) => s.fps)),
    frame_width: percentileStats(samples.map((s) => s.width)),
    issues: {
      lag_fraction: fractionOf(samples, (s) => s.fps > 0 && s.fps < 15),
      no_video_fraction: fractionOf(samples, (s) => s.fps === 0),
      poor_resolution_fraction: fractionOf(samples, (s) => s.width < POOR_RESOLUTION_WIDTH),
    },
    jitter_buffer_delay: latencyCumulative(samples.map((s) => s.jitterBufferDelayMs)),
    key_frames_decoded_fraction: fractionOf(samples, (s) => s.keyFramesDecoded > 0),
    packet_loss: packetLossCumulative(samples.map((s) => s.lossPct)),
    quality_mos: percentileStats(samples.map((s) => s.mos)),
  };
}

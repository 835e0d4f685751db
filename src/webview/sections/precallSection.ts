/** The pre-call network test, each figure with a pass/fail badge against the thresholds used for issues. */
import type { PrecallLimits } from '../../shared/messages';
import type { PeerStats } from '../../shared/model';
import { badge, fieldTable, passFail, section } from '../fields';

function judged(value: number | undefined, ok: (value: number) => boolean): HTMLElement | undefined {
  if (value === undefined) return undefined;
  return ok(value) ? badge('pass', 'ok') : badge('fail', 'poor');
}

export function precallSection(peer: Pick<PeerStats, 'device' | 'network' | 'precall'> | undefined, limits: PrecallLimits): HTMLElement {
  const precall = peer?.precall;
  if (!precall) return section('precall', 'Pre-call test');
  const table = fieldTable([
    { label: 'RTT (ms)', value: precall.rttMs, badge: judged(precall.rttMs, (v) => v <= limits.maxRttMs) },
    { label: 'Backend RTT (ms)', value: precall.backendRttMs, badge: judged(precall.backendRttMs, (v) => v <= limits.maxRttMs) },
    { label: 'Jitter (ms)', value: precall.jitterMs, badge: judged(precall.jitterMs, (v) => v <= limits.maxJitterMs) },
    {
      label: 'Packet loss (%)',
      value: precall.fractionalLoss === undefined ? undefined : precall.fractionalLoss * 100,
      badge: judged(precall.fractionalLoss, (v) => v <= limits.maxLossFraction),
    },
    {
      label: 'Throughput (kbit/s)',
      value: precall.throughputKbps,
      badge: judged(precall.throughputKbps, (v) => v >= limits.minThroughputKbps),
    },
    { label: 'Network type', value: precall.networkType },
    { label: 'Reflexive (STUN)', value: undefined, badge: passFail(precall.reflexive, 'reachable', 'failed') },
    { label: 'Relay', value: undefined, badge: passFail(precall.relay, 'reachable', 'failed') },
    { label: 'TURN', value: undefined, badge: passFail(precall.turn, 'reachable', 'failed') },
  ]);
  return section('precall', 'Pre-call test', table);
}

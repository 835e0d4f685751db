/** Where the peer connected from, and how: IP location, network owner, ICE candidate pairs, connectivity checks. */
import { formatTime } from '../../shared/format';
import type { CandidatePairModel, PeerStats } from '../../shared/model';
import { el } from '../dom';
import { display, fieldTable, passFail, section } from '../fields';

function candidateTable(pairs: CandidatePairModel[]): HTMLElement {
  const headings = ['Transport', 'Nominated', 'Local', 'Remote', 'Protocol', 'RTT (ms)', 'Out / in (kbit/s)'];
  return el(
    'table',
    { class: 'data-table candidates' },
    el('caption', {}, 'ICE candidate pairs'),
    el('thead', {}, el('tr', {}, ...headings.map((heading) => el('th', { scope: 'col' }, heading)))),
    el(
      'tbody',
      {},
      ...pairs.map((pair) =>
        el(
          'tr',
          { class: pair.nominated ? 'chosen' : undefined },
          el('td', {}, pair.transport),
          el('td', {}, pair.nominated ? 'chosen' : ''),
          el(
            'td',
            {},
            [pair.localType, pair.localNetworkType].filter(Boolean).join(' · '),
            pair.localAddress
              ? el('div', { class: 'mono muted' }, `${pair.localAddress}${pair.localPort ? `:${pair.localPort}` : ''}`)
              : undefined,
          ),
          el(
            'td',
            {},
            pair.remoteType ?? '',
            pair.remoteAddress
              ? el('div', { class: 'mono muted' }, `${pair.remoteAddress}${pair.remotePort ? `:${pair.remotePort}` : ''}`)
              : undefined,
          ),
          el(
            'td',
            {},
            [pair.localProtocol, pair.remoteProtocol && pair.remoteProtocol !== pair.localProtocol ? pair.remoteProtocol : undefined]
              .filter(Boolean)
              .join(' / '),
          ),
          el('td', {}, display(pair.currentRttMs) ?? ''),
          el('td', {}, [display(pair.availableOutgoingKbps), display(pair.availableIncomingKbps)].map((value) => value ?? '–').join(' / ')),
        ),
      ),
    ),
  );
}

export function networkSection(peer: Pick<PeerStats, 'device' | 'network' | 'precall'> | undefined): HTMLElement {
  const network = peer?.network;
  if (!network) return section('network', 'Network');
  const place = [network.city, network.region, network.country].filter(Boolean).join(', ');
  const asn = network.asn ? [network.asn.asn, network.asn.name, network.asn.type].filter(Boolean).join(' · ') : undefined;
  const table = fieldTable([
    { label: 'IP address', value: network.ipv4, copy: true },
    { label: 'Location', value: place || undefined },
    { label: 'Time zone', value: network.timezone },
    { label: 'Organisation', value: network.org },
    { label: 'ASN', value: asn },
    { label: 'Network type', value: network.networkType },
  ]);
  const chosen = network.candidatePairs.filter((pair) => pair.nominated);
  const summary = chosen.length
    ? el(
        'p',
        {},
        `Chosen path: ${chosen.map((pair) => `${pair.transport} ${pair.localType ?? '?'} → ${pair.remoteType ?? '?'} over ${pair.localProtocol ?? '?'}`).join('; ')}`,
      )
    : undefined;
  const checks = network.connectivity.length
    ? el(
        'table',
        { class: 'data-table' },
        el('caption', {}, 'Connectivity checks'),
        el(
          'thead',
          {},
          el('tr', {}, ...['Time', 'Network', 'Reflexive (STUN)', 'Relay', 'TURN'].map((heading) => el('th', { scope: 'col' }, heading))),
        ),
        el(
          'tbody',
          {},
          ...network.connectivity.map((check) =>
            el(
              'tr',
              {},
              el('td', {}, formatTime(check.at)),
              el('td', {}, check.networkType ?? ''),
              el('td', {}, passFail(check.reflexive)),
              el('td', {}, passFail(check.relay)),
              el('td', {}, passFail(check.turn)),
            ),
          ),
        ),
      )
    : undefined;
  return section(
    'network',
    'Network',
    table,
    summary,
    network.candidatePairs.length ? candidateTable(network.candidatePairs) : undefined,
    checks,
  );
}

/** Device, browser and SDK of one peer, with device changes during the call. */
import { formatTime } from '../../shared/format';
import type { PeerStats } from '../../shared/model';
import { el } from '../dom';
import { fieldTable, section } from '../fields';

export function deviceSection(peer: Pick<PeerStats, 'device' | 'network' | 'precall'> | undefined): HTMLElement {
  const device = peer?.device;
  if (!device) return section('device', 'Device and SDK');
  const browser = [device.browser, device.browserVersion].filter(Boolean).join(' ');
  const os = [device.os, device.osVersion].filter(Boolean).join(' ');
  const sdk = [device.sdkName, device.sdkVersion].filter(Boolean).join(' ');
  const table = fieldTable([
    { label: 'Browser', value: browser || undefined },
    { label: 'Engine', value: device.engine },
    { label: 'Operating system', value: os || undefined },
    { label: 'Mobile', value: device.isMobile },
    { label: 'CPU cores', value: device.cpus },
    { label: 'Memory (GB)', value: device.memory },
    { label: 'SDK', value: sdk || undefined },
    { label: 'SDK type', value: device.sdkType },
    { label: 'Audio encoder', value: device.audioEncoder },
    { label: 'Video encoder', value: device.videoEncoder },
    { label: 'WebGL', value: device.webglSupport },
    { label: 'User agent', value: device.userAgent, mono: true },
  ]);
  const changes = device.deviceChanges.length
    ? el(
        'table',
        { class: 'data-table' },
        el('caption', {}, 'Device changes'),
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            el('th', { scope: 'col' }, 'Time'),
            el('th', { scope: 'col' }, 'Change'),
            el('th', { scope: 'col' }, 'Kind'),
            el('th', { scope: 'col' }, 'Device'),
          ),
        ),
        el(
          'tbody',
          {},
          ...device.deviceChanges.map((change) =>
            el(
              'tr',
              {},
              el('td', {}, formatTime(change.at)),
              el('td', {}, change.change),
              el('td', {}, change.kind ?? ''),
              el('td', {}, change.label ?? ''),
            ),
          ),
        ),
      )
    : undefined;
  return section('device', 'Device and SDK', table, changes);
}

/** Statistics of both API generations from the sample server, and partial or junk data. */
import { strict as assert } from 'node:assert';
import { RealtimeKitClient } from '../../src/api/client';
import { normalizeParticipant } from '../../src/api/normalize';
import { detectIssues } from '../../src/analysis/detectIssues';
import { SAMPLE_ACCOUNT_ID, SAMPLE_APP_ID, SAMPLE_TOKEN, sampleCatalog, startSampleServer, type SampleServer } from '../../sample-server';
import { samplesOf } from '../fixtures/sampleColumns';
import { limitationCode } from '../../src/shared/model';

const scope = { accountId: SAMPLE_ACCOUNT_ID, appId: SAMPLE_APP_ID };

describe('normalising call statistics', function () {
  this.timeout(20_000);
  let server: SampleServer;
  let client: RealtimeKitClient;
  const catalog = sampleCatalog();

  before(async () => {
    server = await startSampleServer();
    client = new RealtimeKitClient({ baseUrl: server.baseUrl, getToken: () => SAMPLE_TOKEN });
  });

  after(async () => {
    await server.close();
  });

  it('reads a current peer report: device, network, ICE pairs, checks, events, one track per direction and remote peer', async () => {
    const peerId = catalog.troubledParticipant.peerIds[0];
    const model = normalizeParticipant('peer', await client.getPeerReport(scope, peerId), { peerId });
    assert.deepEqual(model.generations, ['current']);
    assert.deepEqual(model.absent, []);
    const [peer] = model.peerStats;
    assert.equal(peer.peerId, peerId);
    assert.ok(peer.device?.browser && peer.device.sdkName && peer.device.cpus);
    assert.ok(peer.network?.asn?.asn && peer.network.candidatePairs.some((pair) => pair.nominated));
    assert.ok(peer.network.connectivity.length > 0 && peer.network.networkType);
    assert.ok(peer.events.length > 0);
    const kinds = peer.tracks.map((track) => `${track.kind}/${track.direction}`);
    assert.deepEqual(kinds, ['audio/producer', 'audio/consumer', 'video/producer', 'video/consumer']);
    const consumer = peer.tracks.find((track) => track.direction === 'consumer')!;
    assert.ok(consumer.remotePeerId, 'consumer tracks name their remote peer');
    const video = peer.tracks.find((track) => track.kind === 'video' && track.direction === 'producer')!;
    const sample = samplesOf(video.columns)[10];
    assert.ok(
      sample.t > 0 &&
        sample.fps !== undefined &&
        sample.height !== undefined &&
        sample.bitrateKbps !== undefined &&
        sample.lossPct !== undefined,
    );
    assert.ok(
      video.columns.t.every((t, i) => i === 0 || video.columns.t[i - 1] <= t),
      'samples sorted by time',
    );
    assert.ok(video.summary.mos?.p50 !== undefined && video.summary.cpuLimitedFraction !== undefined, 'cumulative summaries read');
    assert.ok(video.limitation?.includes(limitationCode('cpu')), 'quality limitation reasons read');
  });

  it("links each consumer track to the producer it receives, which the sending peer's producer track carries", async () => {
    const peerId = catalog.troubledParticipant.peerIds[0];
    const [receiver] = normalizeParticipant('peer', await client.getPeerReport(scope, peerId), { peerId }).peerStats;
    const received = receiver.tracks.filter((track) => track.direction === 'consumer');
    assert.ok(
      received.length > 0 && received.every((track) => track.producerId && track.remotePeerId),
      'consumer tracks name producer and sending peer',
    );
    const senderId = received[0].remotePeerId!;
    const [sender] = normalizeParticipant('peer', await client.getPeerReport(scope, senderId), { peerId: senderId }).peerStats;
    for (const track of received) {
      const sent = sender.tracks.find((candidate) => candidate.direction === 'producer' && candidate.kind === track.kind);
      assert.equal(sent?.producerId, track.producerId, `${track.kind} received is the sender's ${track.kind} producer`);
    }
  });

  it('reads a relay-only peer: the chosen pair is a relay', async () => {
    const peerId = catalog.troubledParticipant.peerIds[1];
    const model = normalizeParticipant('peer', await client.getPeerReport(scope, peerId), { peerId });
    const chosen = model.peerStats[0].network!.candidatePairs.filter((pair) => pair.nominated);
    assert.ok(chosen.some((pair) => pair.localType === 'relay'));
    assert.ok(detectIssues(model).some((issue) => issue.rule === 'relay-only'));
  });

  it('reads legacy participant details: one PeerStats per quality_stats entry, peer_stats on the latest peer', async () => {
    const participant = catalog.legacySession.participants[1];
    const model = normalizeParticipant(
      'sessionParticipant',
      await client.getSessionParticipant(scope, { sessionId: catalog.legacySession.id, participantId: participant.id }),
    );
    assert.deepEqual(model.generations, ['legacy']);
    assert.equal(model.peerStats.length, participant.peerIds.length);
    const last = model.peerStats[model.peerStats.length - 1];
    assert.ok(
      last.device?.browser && last.precall?.rttMs !== undefined && last.precall.throughputKbps !== undefined,
      'throughtput (sic) read as a number',
    );
    assert.ok(last.network?.city);
    assert.ok(model.peerStats.every((peer) => peer.tracks.length === 2 && peer.tracks.every((track) => track.direction === 'unknown')));
    assert.ok(model.peerStats[0].averageQuality !== undefined);
  });

  it('reads a legacy peer report and says what a filtered answer lacks', async () => {
    const participant = catalog.legacySession.participants[0];
    const peerId = participant.peerIds[0];
    const full = normalizeParticipant('peer', await client.getPeerReport(scope, peerId), { peerId });
    assert.deepEqual(full.generations, ['legacy']);
    assert.ok(full.peerStats[0].tracks.length > 0 && full.peerStats[0].device);
    const filtered = normalizeParticipant(
      'sessionParticipant',
      await client.getSessionParticipant(
        scope,
        { sessionId: catalog.legacySession.id, participantId: participant.id },
        { filters: ['device_info'] },
      ),
    );
    assert.ok(filtered.absent.includes('quality statistics'));
    assert.ok(filtered.absent.includes('pre-call test'));
    assert.ok(!filtered.absent.includes('device information'));
  });

  it('never throws on partial or junk data, and yields what is there', () => {
    const junk: unknown[] = [
      {},
      { participant: null },
      { participant: { peer_report: null } },
      { participant: { peer_report: { metadata: 'x', quality: [1, 2] } } },
      {
        participant: {
          peer_report: {
            metadata: { browser_metadata: null, pc_metadata: [null, 'x', { reflexive_connectivity: 'false' }] },
            quality: { audio_producer: [{ timestamp: 'null' }, { timestamp: '2026-11-20T09:00:00Z', mos_quality: '4.2', jitter: null }] },
          },
        },
      },
      {
        participant: {
          peer_stats: { device_info: { cpus: '8', memory: 'null' } },
          quality_stats: [
            null,
            { audio_stats: 'no' },
            { peer_id: 'p', audio_stats: [{ timestamp: '2026-11-20T09:00:00Z', quality: '3.9' }] },
          ],
        },
      },
    ];
    for (const data of junk) normalizeParticipant('peer', data);
    const partial = normalizeParticipant('peer', junk[4]);
    const track = partial.peerStats[0].tracks[0];
    assert.equal(track.columns.t.length, 1, 'the sample without a time is dropped');
    assert.equal(track.columns.mos?.[0], 4.2, 'numbers as strings are read');
    assert.equal(partial.peerStats[0].network?.connectivity.length, 1, 'entries that are not objects are skipped');
    assert.equal(partial.peerStats[0].network?.connectivity[0].reflexive, false, '"false" is false');
    const legacy = normalizeParticipant('sessionParticipant', junk[5]);
    assert.equal(legacy.peerStats[legacy.peerStats.length - 1].device?.cpus, 8);
    assert.equal(legacy.peerStats[legacy.peerStats.length - 1].device?.memory, undefined, '"null" is absent');
  });

  it('turns running packet and byte counters into per-interval loss and bitrate', () => {
    const rows = Array.from({ length: 6 }, (_, i) => ({
      timestamp: new Date(Date.UTC(2026, 10, 20, 9, 0, i * 5)).toISOString(),
      packets_sent: (i + 1) * 1000,
      packets_lost: i * 10,
      bytes_sent: (i + 1) * 625_000,
    }));
    const model = normalizeParticipant('peer', { participant: { peer_report: { metadata: {}, quality: { audio_producer: rows } } } });
    const samples = samplesOf(model.peerStats[0].tracks[0].columns);
    assert.equal(samples[1].lossPct, Math.round((10 / 1010) * 10_000) / 100);
    assert.equal(samples[1].bitrateKbps, 1000, '625,000 bytes in 5 s is 1,000 kbit/s');
  });
});

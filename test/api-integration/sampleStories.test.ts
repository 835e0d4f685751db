import { strict as assert } from 'node:assert';
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
  type SampleServer,
} from '../../sample-server/index';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const LOSSY_PERCENT = 5;
const lossPercent = (s: Json) => (100 * s.packets_lost) / ((s.packets_sent ?? s.packets_received + s.packets_lost) || 1);
const at = (iso: string) => Date.parse(iso);
const within = (iso: string, from: string, to: string) => at(iso) >= at(from) && at(iso) < at(to);

describe('sample server stories', function () {
  this.timeout(30_000);
  let server: SampleServer;

  before(async () => {
    server = await startSampleServer({ port: 0 });
  });
  after(() => server.close());

  const kit = (target: SampleServer) => `${target.baseUrl}/accounts/${SAMPLE_ACCOUNT_ID}/realtime/kit/${SAMPLE_APP_ID}`;

  async function get(path: string, target: SampleServer = server): Promise<{ status: number; body: Json }> {
    const response = await fetch(`${kit(target)}${path}`, { headers: { authorization: `Bearer ${SAMPLE_TOKEN}` } });
    return { status: response.status, body: (await response.json()) as Json };
  }

  async function quality(peerId: string): Promise<Json> {
    const { status, body } = await get(`/sessions/peer-report/${peerId}?filters=quality_stats`);
    assert.equal(status, 200);
    return body.data.participant.peer_report.quality;
  }

  it('lists the current story session first, and every session answers GET /sessions/{id}', async () => {
    const { body } = await get('/sessions?per_page=100');
    const sessions: Json[] = body.data.sessions;
    assert.equal(sessions[0].id, STORY_SESSION_IDS.current);
    assert.equal(sessions[0].meeting_display_name, 'Weekly Product Sync');
    const ids = new Set(sessions.map((s) => s.id));
    const wellKnown = [
      ...Object.values(STORY_SESSION_IDS),
      ...Object.values(ATTRIBUTION_SESSION_IDS),
      ...Object.values(LIVE_SESSION_IDS),
      ...Object.values(SCALE_SESSION_IDS),
    ];
    for (const id of wellKnown) assert.ok(ids.has(id), `${id} is not listed`);
    for (const session of sessions) {
      const details = await get(`/sessions/${session.id}`);
      assert.equal(details.status, 200);
      assert.equal(details.body.data.id, session.id);
    }
  });

  describe('Weekly Product Sync (story)', () => {
    for (const generation of ['current', 'legacy'] as const) {
      it(`has 11 named participants, ended, in the ${generation} generation`, async () => {
        const { body } = await get(`/sessions/${STORY_SESSION_IDS[generation]}/participants?per_page=100`);
        const names = body.data.participants.map((p: Json) => p.display_name);
        assert.equal(names.length, 11);
        for (const person of Object.values(STORY_PARTICIPANTS[generation]))
          assert.ok(names.includes(person.displayName), person.displayName);
        assert.equal((await get(`/sessions/${STORY_SESSION_IDS[generation]}`)).body.data.status, 'ENDED');
      });

      it(`gives Mateo three peers with gaps between them (${generation})`, async () => {
        const mateo = STORY_PARTICIPANTS[generation].mateo;
        assert.equal(mateo.peerIds.length, 3);
        const { body } = await get(
          `/sessions/${STORY_SESSION_IDS[generation]}/participants/${mateo.id}?include_peer_events=true&filters=events`,
        );
        const events: Json[] = body.data.participant.peer_events;
        for (let i = 1; i < mateo.peerIds.length; i++) {
          const left = events.find((e) => e.peer_id === mateo.peerIds[i - 1] && e.event_name === 'PEER_LEAVING');
          const created = events.find((e) => e.peer_id === mateo.peerIds[i] && e.event_name === 'PEER_CREATED');
          assert.ok(left && created && at(created.created_at) - at(left.created_at) >= 20_000, `no gap before peer ${i}`);
        }
      });
    }

    it('fails Jordan every time: 500 for the current peer report, 404 "peer report not found" in the legacy generation', async () => {
      const current = STORY_PARTICIPANTS.current.jordan;
      for (let i = 0; i < 2; i++) {
        const { status, body } = await get(`/sessions/peer-report/${current.peerIds[0]}`);
        assert.equal(status, 500);
        assert.equal(body.error.code, 500);
      }
      assert.equal(
        (await get(`/sessions/${STORY_SESSION_IDS.current}/participants/${current.id}`)).status,
        200,
        'the base details still answer',
      );
      const legacy = STORY_PARTICIPANTS.legacy.jordan;
      const details = await get(`/sessions/${STORY_SESSION_IDS.legacy}/participants/${legacy.id}`);
      assert.equal(details.status, 404);
      assert.match(details.body.error.message, /Peer report not found/);
      assert.equal((await get(`/sessions/peer-report/${legacy.peerIds[0]}`)).status, 404);
    });

    it('shows why the poor participants are poor (current)', async () => {
      const cast = STORY_PARTICIPANTS.current;
      const tomasz = await quality(cast.tomasz.peerIds[0]);
      assert.ok(tomasz.audio_producer.filter((s: Json) => lossPercent(s) >= LOSSY_PERCENT).length >= 150, 'Tomasz: sustained uplink loss');
      const dana = await quality(cast.dana.peerIds[0]);
      assert.ok(dana.video_producer_cumulative.issues.cpu_quality_limitation_fraction > 0.5, 'Dana: CPU-limited camera');
      assert.ok(dana.video_producer_cumulative.frame_per_second.p50 < 15);
      assert.ok((await quality(cast.amara.peerIds[0])).audio_producer_cumulative.rtt.avg > 300, 'Amara: high RTT');
      const kenji = await get(`/sessions/peer-report/${cast.kenji.peerIds[0]}?filters=precall_network_information`);
      const kenjiMeta = kenji.body.data.participant.peer_report.metadata;
      assert.equal(kenjiMeta.candidate_pairs.producing_transport[0].local_candidate_type, 'relay', 'Kenji: relay only');
      assert.equal(kenjiMeta.pc_metadata[0].reflexive_connectivity, false);
      const priya = await quality(cast.priya.peerIds[0]);
      assert.ok(
        priya.audio_producer_cumulative.quality_mos.p50 >= 4 && priya.audio_producer_cumulative.packet_loss.avg < 1,
        'Priya is fine',
      );
    });

    it('gives video more jitter than audio on the same path, and a screen share the loss of its path', async () => {
      const priya = await quality(STORY_PARTICIPANTS.current.priya.peerIds[0]);
      const audio = new Map(priya.audio_producer.map((s: Json) => [s.timestamp, s.jitter]));
      const paired = priya.video_producer.filter((s: Json) => audio.has(s.timestamp));
      assert.ok(paired.length > 100);
      assert.ok(
        paired.every((s: Json) => s.jitter > (audio.get(s.timestamp) as number)),
        'each video sample above the audio one taken with it',
      );
      // Her uplink's usual fraction of a percent: its packets are lost from the screen share as from the rest.
      assert.ok(
        priya.screenshare_video_producer.some((s: Json) => s.packets_lost > 0),
        'the screen share loses packets too',
      );
    });

    it("shows Tomasz's loss in the legacy quality_stats too", async () => {
      const tomasz = STORY_PARTICIPANTS.legacy.tomasz;
      const { body } = await get(`/sessions/${STORY_SESSION_IDS.legacy}/participants/${tomasz.id}?filters=quality_stats`);
      const [entry] = body.data.participant.quality_stats;
      assert.ok(entry.audio_packet_loss > 3);
      assert.ok(entry.audio_stats.filter((s: Json) => s.packets_lost >= 13).length >= 150);
    });
  });

  describe('Incident Review (who affected whom)', () => {
    const cast = ATTRIBUTION_PARTICIPANTS.current;
    const start = '2026-11-19T10:00:00.000Z';
    const minute = (m: number) => new Date(at(start) + m * 60_000).toISOString();

    /** Timestamps of the receiver's lossy consumer rows of one sender (by producer, or by peer when asked). */
    async function lossyFrom(receiverPeer: string, match: (row: Json) => boolean, kind: 'audio' | 'video' = 'audio'): Promise<string[]> {
      const rows: Json[] = (await quality(receiverPeer))[`${kind}_consumer`];
      return rows.filter((row) => match(row) && lossPercent(row) >= LOSSY_PERCENT).map((row) => row.timestamp);
    }

    it("a: Sam's uplink loss at 10:03-10:05 reaches Nina and Omar on their consumers of his producers, at the same timestamps", async () => {
      const sam = await quality(cast.sam.peerIds[0]);
      const samLossy = sam.audio_producer.filter((s: Json) => lossPercent(s) >= LOSSY_PERCENT).map((s: Json) => s.timestamp);
      assert.ok(samLossy.length >= 20);
      assert.ok(
        samLossy.every((t: string) => within(t, minute(3), minute(5))),
        'Sam loses packets only at 10:03-10:05',
      );
      const samVideoLossy = sam.video_producer
        .filter((s: Json) => s.packets_lost > 0 && lossPercent(s) >= LOSSY_PERCENT)
        .map((s: Json) => s.timestamp);
      const audioProducer = sam.audio_producer[0].producer_id;
      const videoProducer = sam.video_producer[0].producer_id;
      for (const receiver of [cast.nina, cast.omar]) {
        assert.deepEqual(await lossyFrom(receiver.peerIds[0], (row) => row.producer_id === audioProducer), samLossy, receiver.displayName);
        const video = await lossyFrom(receiver.peerIds[0], (row) => row.producer_id === videoProducer, 'video');
        assert.ok(
          video.length >= 20 && video.every((t) => samVideoLossy.includes(t) || within(t, minute(3), minute(5))),
          `${receiver.displayName} video`,
        );
      }
    });

    it("b: Chloe's own downlink loses packets at 10:11-10:13 while her senders' producer samples are clean", async () => {
      const chloeLossy = await lossyFrom(cast.chloe.peerIds[0], (row) => row.peer_id === cast.sam.peerIds[0]);
      assert.ok(chloeLossy.length >= 20 && chloeLossy.every((t) => within(t, minute(11), minute(13))));
      const sam = await quality(cast.sam.peerIds[0]);
      const samThen = sam.audio_producer.filter((s: Json) => chloeLossy.includes(s.timestamp));
      assert.equal(samThen.length, chloeLossy.length);
      assert.ok(samThen.every((s: Json) => lossPercent(s) < 2));
      const othersThen = await lossyFrom(cast.nina.peerIds[0], () => true);
      assert.ok(!othersThen.some((t) => within(t, minute(11), minute(13))), 'nobody else suffers then');
    });

    it("c: Leo's send-side jitter at 10:08-10:09 is mirrored in what Nina receives from him", async () => {
      const leo = await quality(cast.leo.peerIds[0]);
      const spikes = leo.audio_producer.filter((s: Json) => s.jitter >= 40).map((s: Json) => s.timestamp);
      assert.ok(spikes.length >= 10 && spikes.every((t: string) => within(t, minute(8), minute(9))));
      const nina = await quality(cast.nina.peerIds[0]);
      const mirrored = nina.audio_consumer.filter((row: Json) => row.producer_id === leo.audio_producer[0].producer_id && row.jitter >= 40);
      assert.deepEqual(
        mirrored.map((row: Json) => row.timestamp),
        spikes,
      );
    });

    it("d: Hana's loss on Sam's producer (10:06-10:07) does not overlap Sam's own loss window", async () => {
      const sam = await quality(cast.sam.peerIds[0]);
      const hanaLossy = await lossyFrom(cast.hana.peerIds[0], (row) => row.producer_id === sam.audio_producer[0].producer_id);
      assert.ok(hanaLossy.length >= 10 && hanaLossy.every((t) => within(t, minute(6), minute(7))));
      const samLast = sam.audio_producer.filter((s: Json) => lossPercent(s) >= LOSSY_PERCENT).at(-1).timestamp;
      assert.ok(at(hanaLossy[0]) - at(samLast) >= 60_000, 'a minute apart at least');
    });

    it("e: Yusuf's consumer rows name only the sender's peer, and show Sam's loss there", async () => {
      const rows: Json[] = (await quality(cast.yusuf.peerIds[0])).audio_consumer;
      assert.ok(rows.length > 0 && rows.every((row) => !('producer_id' in row) && typeof row.peer_id === 'string'));
      const lossy = await lossyFrom(cast.yusuf.peerIds[0], (row) => row.peer_id === cast.sam.peerIds[0]);
      assert.ok(lossy.length >= 20 && lossy.every((t) => within(t, minute(3), minute(5))));
    });

    it("f: Grace's report has no producer samples while Sam, Nina, Omar and Leo all lose her packets at 10:15-10:17", async () => {
      const grace = await quality(cast.grace.peerIds[0]);
      for (const key of ['audio_producer', 'video_producer', 'audio_producer_cumulative']) assert.equal(grace[key], undefined, key);
      assert.ok(grace.audio_consumer.length > 0);
      for (const receiver of [cast.sam, cast.nina, cast.omar, cast.leo]) {
        const lossy = await lossyFrom(receiver.peerIds[0], (row) => row.peer_id === cast.grace.peerIds[0]);
        assert.ok(lossy.length >= 20 && lossy.every((t) => within(t, minute(15), minute(17))), receiver.displayName);
      }
    });

    it("has no producer links in the legacy generation, but Sam's loss shows in his own quality_stats", async () => {
      const legacy = ATTRIBUTION_PARTICIPANTS.legacy;
      const { body } = await get(`/sessions/${ATTRIBUTION_SESSION_IDS.legacy}/participants/${legacy.sam.id}`);
      const text = JSON.stringify(body);
      assert.ok(!text.includes('producer_id') && !text.includes('consumer_id'));
      const lossy = body.data.participant.quality_stats[0].audio_stats.filter((s: Json) => s.packets_lost >= 25);
      assert.ok(lossy.length >= 20 && lossy.every((s: Json) => within(s.timestamp, '2026-11-12T10:03:00Z', '2026-11-12T10:05:00Z')));
    });
  });

  describe('LIVE session', () => {
    it("grows with server uptime (RTK_SAMPLE_LIVE_STEP_MS), someone leaves, and the newest participant's report answers", async () => {
      const previous = process.env.RTK_SAMPLE_LIVE_STEP_MS;
      process.env.RTK_SAMPLE_LIVE_STEP_MS = '150';
      const live = await startSampleServer();
      try {
        const path = `/sessions/${LIVE_SESSION_IDS.current}/participants?per_page=100&include_peer_events=true`;
        const first: Json[] = (await get(path, live)).body.data.participants;
        await new Promise((resolve) => setTimeout(resolve, 800));
        const later: Json[] = (await get(path, live)).body.data.participants;
        assert.ok(later.length >= first.length + 3, `${first.length} then ${later.length}`);
        assert.deepEqual(
          later.slice(0, first.length).map((p) => [p.id, p.joined_at]),
          first.map((p) => [p.id, p.joined_at]),
          'nobody is rewritten',
        );
        assert.ok(
          later.some((p) => 'left_at' in p),
          'someone left',
        );
        const session = (await get(`/sessions/${LIVE_SESSION_IDS.current}`, live)).body.data;
        assert.equal(session.status, 'LIVE');
        assert.equal(session.ended_at, undefined);
        assert.equal(session.live_participants, later.filter((p) => !('left_at' in p)).length);
        const newest = later[later.length - 1];
        const report = await get(`/sessions/peer-report/${newest.peer_events[0].peer_id}`, live);
        assert.equal(report.status, 200);
        assert.ok(report.body.data.participant.peer_report.quality.audio_producer.length >= 1);
      } finally {
        await live.close();
        if (previous === undefined) delete process.env.RTK_SAMPLE_LIVE_STEP_MS;
        else process.env.RTK_SAMPLE_LIVE_STEP_MS = previous;
      }
    });
  });

  describe('transcript, summary and chat', () => {
    it('give download URLs on this server for story sessions, with expiry times; the files are served', async () => {
      for (const id of [STORY_SESSION_IDS.current, STORY_SESSION_IDS.legacy, ATTRIBUTION_SESSION_IDS.current]) {
        const transcript = (await get(`/sessions/${id}/transcript`)).body.data;
        assert.equal(transcript.sessionId, id);
        assert.ok(!Number.isNaN(at(transcript.transcript_download_url_expiry)));
        const csv = await fetch(transcript.transcript_download_url);
        assert.equal(csv.status, 200);
        assert.ok(transcript.transcript_download_url.startsWith(`http://127.0.0.1:${server.port}/`));
        assert.match(await csv.text(), /^timestamp,participant_id,/);
        const vtt = (await get(`/sessions/${id}/transcript?format=VTT`)).body.data;
        assert.match(await (await fetch(vtt.transcript_download_url)).text(), /^WEBVTT/);
        const json = (await get(`/sessions/${id}/transcript?format=JSON`)).body.data;
        assert.ok(((await (await fetch(json.transcript_download_url)).json()) as Json[]).length > 3);
        const summary = (await get(`/sessions/${id}/summary`)).body.data;
        assert.equal(summary.sessionId, id);
        assert.ok(!Number.isNaN(at(summary.summaryDownloadUrlExpiry)));
        assert.ok((await (await fetch(summary.summaryDownloadUrl)).text()).length > 50);
        const chat = (await get(`/sessions/${id}/chat`)).body.data;
        assert.ok(!Number.isNaN(at(chat.chat_download_url_expiry)));
        assert.match(await (await fetch(chat.chat_download_url)).text(), /^id,participantId,sessionId,/);
      }
    });

    it('answer 404 in the RealtimeKit shape for other sessions, and 400 for an unknown format', async () => {
      for (const kind of ['transcript', 'summary', 'chat']) {
        const { status, body } = await get(`/sessions/${sampleCatalog().currentSession.id}/${kind}`);
        assert.equal(status, 404);
        assert.equal(body.success, false);
        assert.equal(body.error.code, 404);
      }
      assert.equal((await get(`/sessions/${STORY_SESSION_IDS.current}/transcript?format=DOCX`)).status, 400);
      assert.equal(
        (await fetch(`http://127.0.0.1:${server.port}/downloads/sessions/${sampleCatalog().currentSession.id}/chat.csv`)).status,
        404,
      );
    });
  });

  describe('scale', () => {
    it('has 100 participants with exactly two peers each, and a 2,345-person webinar', async () => {
      const { body } = await get(`/sessions/${SCALE_SESSION_IDS.hundredTwoPeers}/participants?per_page=100&include_peer_events=true`);
      assert.equal(body.data.paging.total_count, 100);
      for (const p of body.data.participants) assert.equal(p.peer_events.filter((e: Json) => e.event_name === 'PEER_CREATED').length, 2);
      assert.equal((await get(`/sessions/${SCALE_SESSION_IDS.webinar2345}/participants`)).body.data.paging.total_count, 2_345);
    });

    it('serves 20,000 audio and video samples per heavy peer, and 100,000 for the very heavy one', async () => {
      assert.equal(HEAVY_PARTICIPANTS.heavy.peerIds.length, 3);
      const heavy = await quality(HEAVY_PARTICIPANTS.heavy.peerIds[2]);
      assert.equal(heavy.audio_producer.length, 20_000);
      assert.equal(heavy.video_producer.length, 20_000);
      const veryHeavy = await quality(HEAVY_PARTICIPANTS.veryHeavy.peerIds[0]);
      assert.equal(veryHeavy.audio_producer.length, 100_000);
      assert.equal(veryHeavy.video_producer.length, 100_000);
    });
  });
});

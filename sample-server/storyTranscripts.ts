/** What was said and typed in the story sessions: the raw material of their transcript, summary and chat. */
import type { StoryKey } from './storyScripts';

/** [minutes after the session start, person key, words]. */
export type Line = readonly [number, string, string];

export interface StoryConversation {
  spoken: readonly Line[];
  chat: readonly Line[];
  summary: string;
}

export const CONVERSATIONS: Record<StoryKey, StoryConversation> = {
  story: {
    spoken: [
      [0.2, 'priya', "Morning all, let's give people a minute to join."],
      [3.5, 'priya', 'Tomasz, you are first with the release status.'],
      [7.0, 'tomasz', 'The release candidate is cut, we are waiting on two fixes.'],
      [7.4, 'marcus', 'Tomasz, you keep breaking up, could you try again?'],
      [9.0, 'dana', 'My video might be frozen, my laptop fan is going wild.'],
      [11.6, 'mateo', 'Sorry, I dropped off, the Wi-Fi here is unstable.'],
      [15.0, 'amara', 'There is a noticeable delay on my side, I will keep my answers short.'],
      [22.0, 'kenji', 'The office firewall is still forcing everything through the relay.'],
      [30.5, 'priya', 'Thanks everyone, notes will follow.'],
    ],
    chat: [
      [7.5, 'sofia', 'Tomasz is very choppy for me too'],
      [9.2, 'noah', 'Dana your video is stuck'],
      [11.7, 'mateo', 'back, sorry'],
      [16.0, 'liam', 'Release checklist: https://example.com/release-checklist'],
    ],
    summary:
      "Weekly Product Sync. The release candidate is cut and waits on two fixes. Audio from Tomasz was choppy for most of the call, Dana's video froze, Mateo dropped off twice, Amara had a long delay and Kenji was relayed through TURN by his office firewall. Action items: Tomasz checks his home network; Dana closes background applications before calls.",
  },
  attribution: {
    spoken: [
      [0.5, 'sam', 'Thanks for joining the review, this is about the choppy audio reports.'],
      [3.2, 'nina', 'Sam, you are cutting out.'],
      [3.6, 'omar', 'Same here, I only get every other word from Sam.'],
      [8.3, 'chloe', 'Leo sounds robotic right now.'],
      [11.5, 'chloe', 'Is anyone else losing audio? Everyone sounds choppy to me.'],
      [15.4, 'omar', 'Grace, we lost you, your audio is breaking up badly.'],
      [19.5, 'sam', 'Let us compare the statistics after the call.'],
    ],
    chat: [
      [3.3, 'yusuf', 'Sam is breaking up'],
      [6.4, 'hana', 'my connection is bad for a moment, sorry'],
      [15.5, 'nina', 'Grace is unintelligible for me'],
    ],
    summary:
      "Incident Review: Choppy Audio. Sam's uplink dropped packets at 10:03-10:05 and Nina, Omar and Yusuf heard it. Leo's audio was jittery at 10:08. Chloe's own connection lost packets at 10:11-10:13 while everyone else was fine. Grace's audio broke up for all listeners at 10:15-10:17.",
  },
};

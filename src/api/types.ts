/**
 * Wire shapes of the RealtimeKit API as we read them. Every field is optional and loosely typed on
 * purpose: answers come in two generations and real data holds nulls, "null" strings and numbers as
 * strings. Normalisation (normalize.ts) turns them into the model the views use.
 */

export type Maybe<T> = T | null | undefined;

export interface RawApp {
  id?: string;
  name?: string;
  created_at?: string;
}

export interface RawMeeting {
  id?: string;
  title?: Maybe<string>;
  status?: string;
  created_at?: string;
  updated_at?: string;
  [key: string]: unknown;
}

export interface RawSession {
  id?: string;
  associated_id?: string;
  meeting_display_name?: Maybe<string>;
  status?: string;
  type?: string;
  live_participants?: Maybe<number | string>;
  max_concurrent_participants?: Maybe<number | string>;
  minutes_consumed?: Maybe<number | string>;
  started_at?: Maybe<string>;
  ended_at?: Maybe<string>;
  created_at?: string;
  updated_at?: string;
  [key: string]: unknown;
}

export interface RawPeerEvent {
  id?: string;
  created_at?: string;
  event_name?: string;
  peer_id?: string;
  participant_id?: string;
  session_id?: string;
  preset_view_type?: string;
  minutes_consumed?: Maybe<number | string>;
  [key: string]: unknown;
}

export interface RawSessionParticipant {
  id?: string;
  user_id?: string;
  custom_participant_id?: string;
  display_name?: Maybe<string>;
  preset_name?: Maybe<string>;
  duration?: Maybe<number | string>;
  joined_at?: Maybe<string>;
  left_at?: Maybe<string>;
  created_at?: string;
  updated_at?: string;
  peer_events?: RawPeerEvent[];
  [key: string]: unknown;
}

export interface RawMeetingParticipant {
  id?: string;
  name?: Maybe<string>;
  picture?: Maybe<string>;
  preset_name?: Maybe<string>;
  custom_participant_id?: string;
  created_at?: string;
  updated_at?: string;
  [key: string]: unknown;
}

export interface SessionListQuery {
  pageNo?: number;
  perPage?: number;
  sortBy?: 'minutesConsumed' | 'createdAt';
  sortOrder?: 'ASC' | 'DESC';
  startTime?: string;
  endTime?: string;
  status?: 'LIVE' | 'ENDED';
  search?: string;
  meetingId?: string;
  /** "min:max" participant count. */
  participants?: string;
}

export interface SessionParticipantsQuery {
  search?: string;
  sortBy?: 'joinedAt' | 'duration';
  sortOrder?: 'ASC' | 'DESC';
  includePeerEvents?: boolean;
  view?: 'raw' | 'consolidated';
}

/** Which rules a track's kind takes. Pure. */
import type { QualityTrack } from '../shared/model';

export const isVideo = (track: Pick<QualityTrack, 'kind'>): boolean => track.kind === 'video' || track.kind === 'screenshare_video';

/**
 * A camera's video: judged by its frame rate. A screen share is not: it sends a frame when what is shared
 * changes, so a few per second over slides is normal and no sign of trouble.
 */
export const isCamera = (track: Pick<QualityTrack, 'kind'>): boolean => track.kind === 'video';

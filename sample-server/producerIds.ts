/** A peer's producer IDs, derived from its peer ID so a receiver can name them without building the sender's statistics. */
import { Rng } from './random';

export function producerIdOf(peerId: string, kind: 'audio' | 'video'): string {
  return new Rng(`producer:${kind}:${peerId}`).uuid();
}

/** What the Compare button says about the ticked rows: the limits come from the compare contract. */
import { MAX_COMPARED, MIN_COMPARED } from '../../shared/compare';

export function compareHint(count: number): string {
  if (count < MIN_COMPARED) return `Tick ${MIN_COMPARED} to ${MAX_COMPARED} participants (Space on a row) to compare them.`;
  if (count > MAX_COMPARED) return `Compare shows at most ${MAX_COMPARED}: untick ${count - MAX_COMPARED}.`;
  return `${count} participants ticked.`;
}

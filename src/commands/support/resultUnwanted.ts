/**
 * Commands run for the workbench's sake, whose result nobody reads (a tree item chosen, its menu). A
 * command the workbench runs sends its result back to it, serialised on the extension host's thread,
 * and a show command's result is the API's `data`: choosing the 69 MB peer report held the host for
 * 1,155 ms after its panel was painted. Such commands resolve to nothing, and a show command run inside
 * `withoutResult` leaves the data unread (seconds of the host's thread in slices, 67 MB of its
 * heap): it sees that through the async context, however deep it runs.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const unwanted = new AsyncLocalStorage<true>();

/** Runs the work (a command) with its result unwanted, and resolves to nothing once it is done. */
export async function withoutResult(work: () => PromiseLike<unknown>): Promise<undefined> {
  await unwanted.run(true, work);
  return undefined;
}

export function resultWanted(): boolean {
  return unwanted.getStore() !== true;
}

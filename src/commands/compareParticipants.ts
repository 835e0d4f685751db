/**
 * realtimekit.compareParticipants: 2 to 8 participants of one session side by side. From code with
 * { sessionId, participantIds }, from the tree's multi-selection, from the overview's selected rows,
 * or from the palette (a session, then a multi-pick of its participants). A count outside 2 to 8 is
 * refused before any request.
 */
import * as vscode from 'vscode';
import type { Scope } from '../api/client';
import { text } from '../api/coerce';
import { validateId } from '../api/ids';
import type { RawSessionParticipant } from '../api/types';
import { call, type CommandId } from '../common/commands';
import type { CompareResult } from '../panels/comparePanels';
import { MAX_COMPARED, MIN_COMPARED } from '../shared/compare';
import { asExplorerNode, type ExplorerNode } from '../views/treeNodes';
import { ArgumentError, argumentObject, requiredString } from './support/arguments';
import type { CommandDefinition } from './support/commandDefinition';
import { resolveScope } from './support/scope';
import type { Services } from './support/services';
import { sessionArgument } from './support/sessionArgument';
import { withApi } from './support/withApi';

const COMMAND = 'realtimekit.compareParticipants' satisfies CommandId;
const TITLE = 'RealtimeKit: Compare Participants';

interface Chosen {
  scope: Scope;
  sessionId: string;
  participantIds: string[];
}

export function countProblem(count: number): string | undefined {
  if (count >= MIN_COMPARED && count <= MAX_COMPARED) return undefined;
  return `Compare takes ${MIN_COMPARED} to ${MAX_COMPARED} participants of one session; ${count === 1 ? '1 was' : `${count} were`} chosen.`;
}

async function compareParticipants(services: Services, first?: unknown, second?: unknown): Promise<CompareResult | undefined> {
  const node = asExplorerNode(first);
  const chosen = node ? fromTree(node, second) : await fromArgumentOrPalette(services, first);
  if (!chosen) return undefined;
  const { scope, sessionId, participantIds } = chosen;
  return withApi(
    services,
    'Comparing participants',
    (signal, progress) => services.comparePanels.show(scope, sessionId, participantIds, signal, (message) => progress.report({ message })),
    call('realtimekit.compareParticipants', { ...scope, sessionId, participantIds }),
  );
}

/** Session participants selected in the tree (the clicked one when nothing else is selected). */
function fromTree(node: ExplorerNode, selection: unknown): Chosen {
  const nodes = (Array.isArray(selection) && selection.length > 0 ? selection.map(asExplorerNode) : [node]).filter(
    (item): item is ExplorerNode => item !== undefined,
  );
  const participants = nodes.filter((item): item is ExplorerNode & { type: 'sessionParticipant' } => item.type === 'sessionParticipant');
  if (participants.length !== nodes.length)
    throw new ArgumentError('Compare takes session participants: select only participants of one session.');
  const sessions = new Set(participants.map((item) => `${item.scope.accountId}/${item.scope.appId}/${item.sessionId}`));
  if (sessions.size > 1) throw new ArgumentError('Compare takes participants of one session: the selection spans several.');
  const problem = countProblem(participants.length);
  if (problem) throw new ArgumentError(problem);
  const ids = participants.map((item) => text(item.participant.id) ?? '');
  return { scope: participants[0].scope, sessionId: participants[0].sessionId, participantIds: ids };
}

async function fromArgumentOrPalette(services: Services, rawArgument: unknown): Promise<Chosen | undefined> {
  const argument = argumentObject(rawArgument, COMMAND);
  if (argument) {
    const sessionId = requiredString(argument, 'sessionId', COMMAND);
    const ids = argument.participantIds;
    if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string'))
      throw new ArgumentError(`${COMMAND} needs "participantIds" (an array of participant IDs).`);
    const unique = [...new Set(ids.map((id) => id.trim()))];
    const problem =
      countProblem(unique.length) ?? validateId('session', sessionId) ?? unique.map((id) => validateId('participant', id)).find(Boolean);
    if (problem) throw new ArgumentError(`${COMMAND}: ${problem}`);
    const scope = await resolveScope(services, argument, TITLE);
    return scope && { scope, sessionId: sessionId.trim(), participantIds: unique };
  }
  const chosen = await sessionArgument(services, undefined, COMMAND, TITLE);
  if (!chosen) return undefined;
  const { scope, sessionId } = chosen;
  const participants = await withApi(services, 'Listing the session participants', async (signal) => {
    const all: RawSessionParticipant[] = [];
    for await (const page of services.client().allSessionParticipants(scope, sessionId, { includePeerEvents: false }, { signal }))
      all.push(...page);
    return all;
  });
  if (!participants) return undefined;
  const picked = await pickParticipants(participants);
  return picked && { scope, sessionId, participantIds: picked };
}

/** A multi-pick that says how many to choose and refuses a count outside 2 to 8, keeping the ticks when asked again. */
async function pickParticipants(participants: readonly RawSessionParticipant[]): Promise<string[] | undefined> {
  const items = participants.flatMap((participant) => {
    const id = text(participant.id);
    return id ? [{ label: text(participant.display_name) ?? id, description: text(participant.preset_name), detail: id, id }] : [];
  });
  let ticked = new Set<string>();
  for (;;) {
    const picked = await vscode.window.showQuickPick(
      items.map((item) => ({ ...item, picked: ticked.has(item.id) })),
      {
        title: `${TITLE} (participants)`,
        canPickMany: true,
        ignoreFocusOut: true,
        // A pasted participant ID or a preset finds its rows too.
        matchOnDescription: true,
        matchOnDetail: true,
        placeHolder: `Choose ${MIN_COMPARED} to ${MAX_COMPARED} participants`,
      },
    );
    if (!picked) return undefined;
    const problem = countProblem(picked.length);
    if (!problem) return picked.map((item) => item.id);
    const again = await vscode.window.showWarningMessage(problem, 'Choose Again');
    if (again !== 'Choose Again') return undefined;
    ticked = new Set(picked.map((item) => item.id));
  }
}

export const compareParticipantsCommand: CommandDefinition = { id: COMMAND, run: compareParticipants };

/**
 * "Who affected whom": each receive-side problem explained by another participant's send side, and, for
 * each sender, whom its send-side problem affected. Inferences are marked as such.
 */
import type { ComparedParticipant } from '../../shared/compare';
import type { CausedBy } from '../../shared/session';
import { el } from '../dom';
import { openButton, swatch } from './header';

export interface AttributionActions {
  open(participantId: string): void;
  /** Epoch ms. */
  showWindow(from: number, to: number): void;
}

const INFERRED = ' (inferred: the sender’s own samples are missing, several receivers suffered at once)';

function andList(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function causeLine(
  participant: ComparedParticipant,
  cause: CausedBy,
  names: ReadonlyMap<string, string>,
  actions: AttributionActions,
): HTMLElement {
  const sender = names.get(cause.participantId) ?? cause.participantId;
  const likely = cause.confidence === 'likely';
  // The evidence is the whole clause ("caused by Sam Rivera's uplink: 12 % loss 08:32–08:52 UTC", "caused
  // by Dana's sent video: 8 fps …", or "likely Sam Rivera's uplink (inferred: …)"), as the stats panel shows it.
  const said = cause.evidence
    ? [likely ? el('em', { class: 'inferred' }, cause.evidence) : cause.evidence]
    : [`caused by ${sender}’s send side (${cause.rule})`, likely ? el('em', { class: 'inferred' }, INFERRED) : undefined];
  const line = el(
    'li',
    { class: 'attribution-line', 'data-rule': cause.rule },
    swatch(participant.colour),
    el('strong', {}, names.get(participant.participantId)!),
    ': ',
    ...said,
    ' ',
    openButton(`Open ${sender}'s statistics`, () => actions.open(cause.participantId)),
  );
  if (cause.from !== undefined && cause.to !== undefined) {
    const show = el('button', { type: 'button', class: 'link' }, 'Show on the charts');
    show.addEventListener('click', () => actions.showWindow(cause.from!, cause.to!));
    line.append(' ', show);
  }
  return line;
}

function affectedLine(participant: ComparedParticipant, names: ReadonlyMap<string, string>): HTMLElement {
  const whom = new Map<string, boolean>();
  // One name per receiver; it is an inference only if every link to it is.
  for (const entry of participant.affected)
    whom.set(entry.participantId, (whom.get(entry.participantId) ?? true) && entry.confidence === 'likely');
  const list = [...whom].map(([id, likely]) => `${names.get(id) ?? id}${likely ? ' (inferred)' : ''}`);
  return el(
    'li',
    { class: 'attribution-line' },
    swatch(participant.colour),
    el('strong', {}, names.get(participant.participantId)!),
    `: its send-side problem affected ${andList(list)}`,
  );
}

export function attributionSection(
  participants: readonly ComparedParticipant[],
  names: ReadonlyMap<string, string>,
  actions: AttributionActions,
): HTMLElement | undefined {
  const lines = participants.flatMap((p) => [
    ...p.causedBy.map((cause) => causeLine(p, cause, names, actions)),
    ...(p.affected.length ? [affectedLine(p, names)] : []),
  ]);
  if (lines.length === 0) return undefined;
  return el(
    'section',
    { id: 'attribution', 'aria-labelledby': 'attribution-title' },
    el('h2', { id: 'attribution-title' }, 'Who affected whom'),
    el('ul', { class: 'attribution' }, ...lines),
  );
}

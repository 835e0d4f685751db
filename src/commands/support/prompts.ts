/** Input prompts that validate as the user types and refuse bad IDs before any request. */
import * as vscode from 'vscode';
import { ID_LABELS, cleanId, validateId, type IdKind } from '../../api/ids';
import type { RecentIds } from '../../state/recentIds';

const NEW_VALUE = '$(add) Enter a new value…';

export async function askForId(
  kind: IdKind,
  recent: RecentIds,
  options: { title: string; step?: string } = { title: '' },
): Promise<string | undefined> {
  const label = ID_LABELS[kind];
  const title = options.step ? `${options.title} (${options.step})` : options.title;
  const recents = recent.list(kind);
  if (recents.length > 0) {
    const picked = await vscode.window.showQuickPick(
      [{ label: NEW_VALUE }, ...recents.map((id) => ({ label: id, description: 'recent' }))],
      {
        title,
        placeHolder: `Choose a recent ${label} or enter a new one`,
        ignoreFocusOut: true,
      },
    );
    if (!picked) return undefined;
    if (picked.label !== NEW_VALUE) return picked.label;
  }
  const value = await vscode.window.showInputBox({
    title,
    prompt: `Enter the ${label}`,
    placeHolder: kind === 'account' ? '32 hexadecimal characters' : kind === 'app' ? 'app ID' : 'e.g. 182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e',
    ignoreFocusOut: true,
    validateInput: (input) => validateId(kind, input),
  });
  if (value === undefined) return undefined;
  const id = cleanId(value);
  await recent.remember(kind, id);
  return id;
}

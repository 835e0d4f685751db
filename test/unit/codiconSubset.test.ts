import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { namedIcons, subsetCodiconCss } from '../../scripts/codiconSubset';

const CSS = fs.readFileSync(require.resolve('@vscode/codicons/dist/codicon.css'), 'utf8');

describe('the codicon subset the webviews ship', () => {
  it('keeps the font, the base rule and the modifiers, and only the glyphs named', () => {
    const subset = subsetCodiconCss(CSS, new Set(['copy', 'pass', 'not-an-icon']));
    assert.match(subset, /@font-face/);
    assert.match(subset, /\.codicon\[class\*='codicon-'\]/);
    assert.match(subset, /codicon-modifier-spin/);
    const glyphs = [...subset.matchAll(/^\.codicon-([a-z0-9-]+):before/gm)].map((match) => match[1]);
    assert.deepEqual(glyphs.sort(), ['copy', 'pass']);
    assert.ok(subset.length < CSS.length / 5);
  });

  it('finds every icon the stats, session and compare webviews draw in their sources', () => {
    const names = namedIcons(['src/webview', 'src/shared']);
    const used = ['copy', 'refresh', 'markdown', 'json', 'pulse', 'pass', 'error', 'warning', 'info', 'question', 'arrow-small-right'];
    const session = [
      'loading',
      'history',
      'broadcast',
      'debug-pause',
      'arrow-up',
      'arrow-down',
      'export',
      'split-horizontal',
      'link-external',
    ];
    for (const icon of [...used, ...session]) assert.ok(names.has(icon), icon);
    const subset = subsetCodiconCss(CSS, names);
    for (const icon of [...used, ...session]) assert.match(subset, new RegExp(`^\\.codicon-${icon}:before`, 'm'), icon);
  });

  it('refuses a stylesheet laid out otherwise rather than ship no icons', () => {
    assert.throws(() => subsetCodiconCss('.codicon-copy:before { content: "\\ebcc" }', new Set(['copy'])), /Icons/);
  });
});

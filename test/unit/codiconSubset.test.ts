import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { glyphCharacters, namedIcons, subsetCodiconCss, subsetCodiconFont } from '../../scripts/codiconSubset';

const CSS = fs.readFileSync(require.resolve('@vscode/codicons/dist/codicon.css'), 'utf8');
const FONT = fs.readFileSync(require.resolve('@vscode/codicons/dist/codicon.ttf'));

/** The code points a TrueType font maps to a glyph other than .notdef (its cmap's format 4 and 12 subtables), read by hand. */
function mappedCodePoints(font: Uint8Array): Set<number> {
  const data = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables = data.getUint16(4);
  let cmap = -1;
  for (let i = 0; i < tables; i++) {
    const entry = 12 + i * 16;
    if (String.fromCharCode(...font.subarray(entry, entry + 4)) === 'cmap') cmap = data.getUint32(entry + 8);
  }
  assert.ok(cmap >= 0, 'the font has a cmap');
  const mapped = new Set<number>();
  for (let i = 0; i < data.getUint16(cmap + 2); i++) {
    const table = cmap + data.getUint32(cmap + 4 + i * 8 + 4);
    const format = data.getUint16(table);
    if (format === 4) {
      const segments = data.getUint16(table + 6) / 2;
      const ends = table + 14;
      const starts = ends + segments * 2 + 2;
      const deltas = starts + segments * 2;
      const rangeOffsets = deltas + segments * 2;
      for (let s = 0; s < segments; s++) {
        const [start, end] = [data.getUint16(starts + s * 2), data.getUint16(ends + s * 2)];
        const delta = data.getInt16(deltas + s * 2);
        const rangeOffset = data.getUint16(rangeOffsets + s * 2);
        for (let c = start; c <= end && c !== 0xffff; c++) {
          const indexed = rangeOffset === 0 ? c : data.getUint16(rangeOffsets + s * 2 + rangeOffset + (c - start) * 2);
          const glyph = rangeOffset !== 0 && indexed === 0 ? 0 : (indexed + delta) & 0xffff;
          if (glyph !== 0) mapped.add(c);
        }
      }
    } else if (format === 12) {
      for (let g = 0; g < data.getUint32(table + 12); g++) {
        const group = table + 16 + g * 12;
        const [first, last, firstGlyph] = [data.getUint32(group), data.getUint32(group + 4), data.getUint32(group + 8)];
        for (let c = first; c <= last; c++) if (firstGlyph + (c - first) !== 0) mapped.add(c);
      }
    }
  }
  return mapped;
}

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

  it('cuts the font to the glyphs of the rules kept, and maps each of them', async () => {
    const subset = subsetCodiconCss(CSS, namedIcons(['src/webview', 'src/shared']));
    const characters = glyphCharacters(subset);
    const expected = new Set([...characters].map((character) => character.codePointAt(0)!));
    assert.ok(expected.size >= 20, `${expected.size} glyphs`);
    assert.ok(mappedCodePoints(FONT).size > 400, 'the full font maps every icon');
    const font = await subsetCodiconFont(FONT, characters);
    assert.deepEqual([...mappedCodePoints(font)].sort(), [...expected].sort());
    assert.ok(font.byteLength < FONT.byteLength / 10, `${font.byteLength} bytes of ${FONT.byteLength}`);
  });

  it('reads the characters of the glyph rules only, each once', () => {
    const subset = subsetCodiconCss(CSS, new Set(['copy', 'pass']));
    assert.deepEqual([...glyphCharacters(subset)].map((c) => c.codePointAt(0)!.toString(16)).sort(), ['eba4', 'ebcc']);
    // Two names of one glyph (codicon.css has such aliases) give its character once.
    const aliases = '.codicon-a:before { content: "\\ebcc" }\n.codicon-b:before { content: "\\ebcc" }\n';
    assert.equal(glyphCharacters(aliases), '\uebcc');
  });

  it('refuses to cut the font to no glyph at all', async () => {
    await assert.rejects(subsetCodiconFont(FONT, ''), /no icon is named/);
  });

  it('refuses a stylesheet laid out otherwise rather than ship no icons', () => {
    assert.throws(() => subsetCodiconCss('.codicon-copy:before { content: "\\ebcc" }', new Set(['copy'])), /Icons/);
  });
});

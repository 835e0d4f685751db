/**
 * esbuild plugin: `@vscode/codicons/dist/codicon.css` lists every icon (about 30 KB of the webviews' CSS,
 * parsed on each panel's first paint); the webviews draw a few dozen. The plugin keeps the stylesheet's head
 * (@font-face, the base .codicon rule, modifiers) and the glyph rules of the icons the webview sources name.
 *
 * An icon is kept when its name appears in src/webview or src/shared as a quoted string ('pass', as in an
 * icon map or a button's icon argument) or after `codicon-` (a class written out). A name built at run time
 * from pieces would be missed: keep icon names whole in the source.
 *
 * The font is cut to the same icons' glyphs (subset-font, HarfBuzz's subsetter): 126 KB of TrueType that
 * every panel loaded before its icons showed (`font-display: block`) become about 6 KB, and the .vsix
 * about 58 KB less (the font compressed).
 */
import type * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import subsetFont from 'subset-font';

const ICONS_HEADER = /\/\*-+\s*\n\s*\*\s*Icons\s*\n\s*\*-+\*\/\s*\n/;
const GLYPH_RULE = /^\.codicon-([a-z0-9-]+):before \{ content: "\\([0-9a-f]+)" \}$/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.(ts|css)$/.test(entry.name) ? [file] : [];
  });
}

/** Every word the sources quote or write after `codicon-`; the icon names among them are the ones kept. */
export function namedIcons(roots: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const file of roots.flatMap(sourceFiles)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const match of text.matchAll(/['"`]([a-z][a-z0-9-]*)['"`]|codicon-([a-z0-9-]+)/g)) names.add(match[1] ?? match[2]);
  }
  return names;
}

/** The stylesheet with only the glyph rules of `names`; throws if its layout is not the one expected. */
export function subsetCodiconCss(css: string, names: ReadonlySet<string>): string {
  const header = ICONS_HEADER.exec(css);
  if (!header) throw new Error('codicon.css: no "Icons" section; the subset plugin needs updating');
  const head = css.slice(0, header.index + header[0].length);
  const rules = css
    .slice(header.index + header[0].length)
    .split('\n')
    .filter((line) => {
      const rule = GLYPH_RULE.exec(line.trim());
      if (!rule && line.trim()) throw new Error(`codicon.css: unexpected line "${line.trim()}"`);
      return rule !== null && names.has(rule[1]);
    });
  return `${head}${rules.join('\n')}\n`;
}

/** The characters the glyph rules of a (subset) stylesheet draw. */
export function glyphCharacters(css: string): string {
  const codePoints = css.split('\n').flatMap((line) => {
    const rule = GLYPH_RULE.exec(line.trim());
    return rule ? [parseInt(rule[2], 16)] : [];
  });
  return String.fromCodePoint(...new Set(codePoints));
}

/** The font with the glyphs of `characters` only, still TrueType (the stylesheet's @font-face says so). */
export async function subsetCodiconFont(font: Uint8Array, characters: string): Promise<Uint8Array> {
  if (characters.length === 0) throw new Error('codicon font: no icon is named, so no glyph would be kept');
  return subsetFont(font, characters, { targetFormat: 'truetype' });
}

export function codiconSubset(roots: readonly string[] = ['src/webview', 'src/shared']): esbuild.Plugin {
  return {
    name: 'codicon-subset',
    setup(build) {
      // The stylesheet and the font both want the kept rules: worked out once a build (again on each rebuild in watch mode).
      let kept: string | undefined;
      build.onStart(() => {
        kept = undefined;
      });
      const subsetCss = (file: string) => (kept ??= subsetCodiconCss(fs.readFileSync(file, 'utf8'), namedIcons(roots)));
      build.onLoad({ filter: /[\\/]@vscode[\\/]codicons[\\/]dist[\\/]codicon\.css$/ }, (args) => ({
        contents: subsetCss(args.path),
        loader: 'css',
        resolveDir: path.dirname(args.path),
        watchFiles: roots.flatMap(sourceFiles),
      }));
      // The font the stylesheet's @font-face names, beside it: its glyphs are those of the rules kept there.
      build.onLoad({ filter: /[\\/]@vscode[\\/]codicons[\\/]dist[\\/]codicon\.ttf$/ }, async (args) => ({
        contents: await subsetCodiconFont(
          fs.readFileSync(args.path),
          glyphCharacters(subsetCss(path.join(path.dirname(args.path), 'codicon.css'))),
        ),
        loader: 'file',
        watchFiles: roots.flatMap(sourceFiles),
      }));
    },
  };
}

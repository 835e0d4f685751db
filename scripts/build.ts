/**
 * Builds the bundles that ship (extension host, node/cjs: dist/extension.js, which activation loads, and dist/core.js,
 * required on first use; stats, session and compare webviews: browser/iife) and the
 * integration-test bundle that runs inside the host. `--production` minifies and drops sourcemaps.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { codiconSubset } from './codiconSubset';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const shared: esbuild.BuildOptions = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'info',
  legalComments: production ? 'none' : 'inline',
};

/** src/extension.ts's require('./core') stays a run-time require of dist/core.js, next to dist/extension.js. */
const coreAtRunTime: esbuild.Plugin = {
  name: 'core-at-run-time',
  setup(build) {
    const core = path.resolve('src/core');
    build.onResolve({ filter: /^\.\/core$/ }, (args) =>
      path.resolve(args.resolveDir, args.path) === core ? { path: './core.js', external: true } : undefined,
    );
  },
};

const configs: esbuild.BuildOptions[] = [
  {
    ...shared,
    // What activate() loads: registrations only, everything else is required from dist/core.js on first use.
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    plugins: [coreAtRunTime],
  },
  {
    ...shared,
    // The API client, store, panels, analysis and command handlers (src/core.ts).
    entryPoints: ['src/core.ts'],
    outfile: 'dist/core.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    // axios's Node build drags in form-data, proxy-from-env and follow-redirects; its fetch adapter
    // (Node 20 has fetch) does all we need, so we bundle the browser build instead.
    mainFields: ['module', 'main'],
    alias: { axios: './node_modules/axios/dist/esm/axios.js' },
  },
  {
    ...shared,
    // The stats worker thread the core starts (src/inspection/worker): parses and analyses large answers.
    entryPoints: ['src/inspection/worker/statsWorker.ts'],
    outfile: 'dist/statsWorker.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
  {
    ...shared,
    // The three webviews, one bundle each: the stats panel (dist/webview.js + .css), the session
    // overview (session) and compare (compare). They share the codicon font file.
    entryPoints: { webview: 'src/webview/main.ts', session: 'src/webview/session/main.ts', compare: 'src/webview/compare/main.ts' },
    outdir: 'dist',
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
    loader: { '.ttf': 'file', '.woff2': 'file' },
    // Only the codicons the webviews name (see scripts/codiconSubset.ts).
    plugins: [codiconSubset()],
  },
];

if (!production) {
  configs.push({
    ...shared,
    entryPoints: ['test/integration/index.ts'],
    outfile: 'out/test/integration/index.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
  });
}

/** The font's name carries its content's hash: one built before (another subset) would otherwise ship beside it. */
function removeBuiltFonts(): void {
  if (!fs.existsSync('dist')) return;
  for (const file of fs.readdirSync('dist')) if (/^codicon-[A-Z0-9]+\.ttf$/.test(file)) fs.rmSync(path.join('dist', file));
}

async function main(): Promise<void> {
  removeBuiltFonts();
  if (watch) {
    for (const config of configs) await (await esbuild.context(config)).watch();
    return;
  }
  await Promise.all(configs.map((config) => esbuild.build(config)));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

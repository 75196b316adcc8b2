// The build after `tsc`: bundles dist/cli/main.js into dist/bundle/ (what bin/fieldvisit.js runs) and draws every help
// screen into dist/bundle/help-<lang>.json, so that start-up loads a few files instead of ~100 and `--help` needs no
// commander. Why: module loading was most of the start-up time (README, "Start-up").
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { builtinModules } from 'node:module';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist', 'bundle');
fs.rmSync(out, { recursive: true, force: true });

// Node's own modules are taken with the chunk's `require` rather than `import`: an ES module import of a built-in makes
// an ES facade over all of its exports, which reads every lazy getter (importing node:fs loads the whole streams stack
// and fs/promises, a few milliseconds on every run whatever the command).
const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const IMPORT = /^import\s+(\*\s+as\s+\w+|\w+|\{[^}]*\})\s+from\s+'([^']+)';$/gm;
const builtinsByRequire = {
  name: 'builtins-by-require',
  setup(b) {
    // Our own modules (tsc's output, one import a line): `import fs from 'node:fs'` becomes `const fs = require('node:fs')`,
    // which esbuild turns into a call of the chunk's `require`.
    b.onLoad({ filter: /[\\/]dist[\\/](cli|db|domain|format|import|prompts|report)[\\/].*\.js$/ }, (a) => {
      const src = fs.readFileSync(a.path, 'utf8');
      // A module with a `require` of its own (driver.ts, table.ts) keeps its imports: `require` there is another binding.
      if (/\bconst require\b/.test(src)) return undefined;
      const contents = src.replace(IMPORT, (line, what, from) => {
        if (!builtins.has(from)) return line;
        const binding = what.startsWith('*') ? what.replace(/^\*\s+as\s+/, '') : what.startsWith('{') ? what.replace(/\s+as\s+/g, ': ') : what;
        return `const ${binding} = require(${JSON.stringify(from)});`;
      });
      return { contents, loader: 'js' };
    });
  },
};

// ES modules with code splitting: every `import()` of the source (command actions, prompts, spreadsheet readers and
// writers) stays a chunk of its own that loads only when used. The native SQLite driver stays in node_modules. CommonJS
// packages bundled into an ES module need a `require`; the banner gives each chunk one.
await build({
  entryPoints: [path.join(root, 'dist', 'cli', 'main.js')],
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['better-sqlite3', 'better-sqlite3-node22'],
  banner: { js: "import { createRequire as __fieldvisitRequire } from 'node:module';\nconst require = __fieldvisitRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [builtinsByRequire],
});

// The help shortcut as one CommonJS file (bin/fieldvisit.js requires it for a `--help` before loading any ES module):
// `import.meta.url` is the file's own URL, so the help screens and the SQLite driver are found beside it as in the bundle.
await build({
  entryPoints: [path.join(root, 'dist', 'cli', 'quickHelp.js')],
  outfile: path.join(out, 'quick-help.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['better-sqlite3', 'better-sqlite3-node22'],
  define: { 'import.meta.url': '__quickHelpUrl' },
  // Only what the help shortcut runs: the language setting's readers (the file header's mirror, else the settings
  // table through the driver) and the default database folder. main.ts's other
  // dynamic imports (the command tree, commander, the prompts…) are never reached from it and stay out of the file.
  plugins: [
    {
      name: 'help-only',
      setup(b) {
        b.onResolve({ filter: /.*/ }, (a) => (a.kind === 'dynamic-import' && !/settings\.js$|langMark\.js$|^env-paths$/.test(a.path) ? { path: a.path, external: true } : undefined));
      },
    },
  ],
  banner: { js: "const __quickHelpUrl = require('node:url').pathToFileURL(__filename).href;" },
  legalComments: 'none',
  logLevel: 'warning',
});

// Every help screen, in both languages, as commander draws it at 80 columns (the width when stdout is not a terminal):
// run in-process from the unbundled build (which has no help file, so commander draws), on no database.
const { run } = await import(pathToFileURL(path.join(root, 'dist', 'cli', 'main.js')).href);
const { buildProgram, allCommands } = await import(pathToFileURL(path.join(root, 'dist', 'cli', 'program.js')).href);

function context(lang, onOut) {
  return {
    stdout: { write: (s) => onOut(s) },
    stderr: { write: (s) => { throw new Error(`help wrote to stderr: ${s}`); } },
    stdin: process.stdin,
    stdinIsTTY: false,
    stdoutIsTTY: false,
    stderrIsTTY: false,
    env: { FIELDVISIT_DB: path.join(out, 'no-such.db') },
    now: () => new Date(),
    cwd: root,
    prompter: () => { throw new Error('no prompts in help'); },
    lang,
    color: false,
    width: undefined,
  };
}

function pathOf(c) {
  const names = [];
  for (let x = c; x.parent; x = x.parent) names.unshift(x.name());
  return names;
}

for (const lang of ['en', 'zh']) {
  const program = buildProgram(context(lang, () => {}));
  const screens = {};
  for (const c of [program, ...allCommands(program)]) {
    const words = pathOf(c);
    let text = '';
    const code = await run([...words, '--help'], context(lang, (s) => (text += s)));
    if (code !== 0 || !text) throw new Error(`help for "${words.join(' ')}" (${lang}): exit ${code}`);
    screens[words.join(' ')] = text;
  }
  fs.writeFileSync(path.join(out, `help-${lang}.json`), JSON.stringify(screens));
}

// The build after `tsc`: bundles dist/cli/main.js into dist/bundle/ (what bin/fieldvisit.js runs) and draws every help
// screen into dist/bundle/help-<lang>.json, so that start-up loads a few files instead of ~100 and `--help` needs no
// commander. Why: module loading was most of the start-up time (README, "Start-up").
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist', 'bundle');
fs.rmSync(out, { recursive: true, force: true });

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

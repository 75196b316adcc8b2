#!/usr/bin/env node
// The command's entry point, a CommonJS file (bin/package.json) so that the two commonest quick answers start no ES
// module loader: `--version` alone is answered here from package.json, and a `--help` first goes to the help shortcut
// (dist/bundle/quick-help.cjs: a screen drawn at build time, in the configured language). Everything else — and a help
// screen the shortcut does not have — runs in the bundle (dist/bundle/main.js, ES modules), with V8's compile cache
// switched on where Node has one (22.1 and later; in its default folder under the system's temporary folder).
'use strict';
const args = process.argv.slice(2);
const start = () => {
  require('node:module').enableCompileCache?.();
  return import('../dist/bundle/main.js').then((m) => m.main());
};
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(require('../package.json').version + '\n');
} else if (args.includes('--help') || args.includes('-h')) {
  require('../dist/bundle/quick-help.cjs')
    .quickHelp(args)
    .catch(() => false)
    .then((done) => done || start());
} else start();

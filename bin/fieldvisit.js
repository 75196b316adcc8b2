#!/usr/bin/env node
// The command's entry point, a CommonJS file (bin/package.json) so that `--version` needs no ES module loader: alone, it
// is answered here from package.json before any of the program loads. Otherwise V8's compile cache is switched on where
// Node has one (22.1 and later; in its default folder under the system's temporary folder, so the bundle is compiled
// once rather than on every run) and the bundle (dist/bundle/main.js, ES modules) runs the command.
'use strict';
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(require('../package.json').version + '\n');
} else {
  require('node:module').enableCompileCache?.();
  import('../dist/bundle/main.js').then((m) => m.main());
}

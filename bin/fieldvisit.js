#!/usr/bin/env node
// The command's entry point. `--version` alone is answered here, from package.json, before any of the program loads;
// otherwise V8's compile cache is switched on where Node has one (22.1 and later; in the system's temporary folder, so the
// bundle is compiled once rather than on every run) and the bundle (dist/bundle/main.js) runs the command. Node's
// modules are taken with `require`: an ES import of one reads all its exports (node:fs would load the streams).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(require('../package.json').version + '\n');
} else {
  require('node:module').enableCompileCache?.();
  import('../dist/bundle/main.js').then((m) => m.main());
}

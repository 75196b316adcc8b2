#!/usr/bin/env node
// The command's entry point. `--version` alone is answered here, from package.json, before any of the program loads;
// otherwise V8's compile cache is switched on where Node has one (22.1 and later; in the system's temporary folder, so the
// bundle is compiled once rather than on every run) and the bundle (dist/bundle/main.js) runs the command.
import { readFileSync } from 'node:fs';
import module from 'node:module';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version + '\n');
} else {
  module.enableCompileCache?.();
  import('../dist/bundle/main.js').then((m) => m.main());
}

// `fieldvisit [command...] --help` answered from the screens drawn at build time by a small CommonJS bundle
// (dist/bundle/quick-help.cjs) that bin/fieldvisit.js loads before any ES module: a help screen then starts no ES
// module loader. The same functions as main.ts's own shortcut; anything they do not answer goes to main() as before.
import { applyConfiguredLang, createProcessContext, preScan, prebuiltHelp, quietOnClosedPipe } from './main.js';

/** Prints the stored help screen these arguments ask for and returns true; false when there is none to print. */
export async function quickHelp(args: string[]): Promise<boolean> {
  const ctx = createProcessContext();
  const { lang, db } = preScan(args, ctx);
  if (!lang) await applyConfiguredLang(args, ctx, db);
  const help = prebuiltHelp(args, ctx);
  if (help === undefined) return false;
  quietOnClosedPipe(process.stdout);
  ctx.stdout.write(help);
  return true;
}

// Lazy command actions: a command's definition is loaded at start, its action module (and heavy libraries) only when it runs.
import type { Command } from 'commander';
import type { Context } from './context.js';

/** A command's action module (`commands/<noun>/<verb>.ts`) exports `action(ctx)`, the function commander calls. */
export interface ActionModule {
  action(ctx: Context): (...args: any[]) => unknown;
}

/**
 * Attaches an action that imports its module on first use, e.g.
 * `lazyAction(cmd, ctx, () => import('./list.js'))`. Definitions (names, arguments, options, help) stay eager so
 * `--help` and parse errors need no action module; `--version` and `--help` load no database, CSV or table code.
 */
export function lazyAction(cmd: Command, ctx: Context, load: () => Promise<ActionModule>): Command {
  return cmd.action(async (...args: unknown[]) => {
    const m = await load();
    await m.action(ctx)(...args);
  });
}

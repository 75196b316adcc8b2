// `reconcile`, `reconcile confirm` and `reconcile confirm void` share option names (--officer, --json): commander gives
// such an option to the first command up the chain that has it, so a verb looks for its own options up the chain too.
import type { Command } from 'commander';

export function chainOption<T>(command: Command, opts: Record<string, unknown>, key: string): T | undefined {
  let v = opts[key] as T | undefined;
  for (let c = command.parent; v === undefined && c; c = c.parent) v = (c.opts() as Record<string, unknown>)[key] as T | undefined;
  return v;
}

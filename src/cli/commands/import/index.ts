// `fieldvisit import …`: bring files from the back office into the database.
import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { describe } from '../../help.js';
import { registerImportRoster } from './roster.js';
import { registerImportVisits } from './visits.js';

export function registerImport(program: Command, ctx: Context): void {
  const cmd = program.command('import');
  describe(cmd, ctx.lang, '导入花名册或走访记录文件。', 'Import roster or visit files.', ['fieldvisit import roster data/roster.csv']);
  registerImportRoster(cmd, ctx);
  registerImportVisits(cmd, ctx);
}

// `fieldvisit agenda`: the households to visit next (definition; the action is ./agenda.ts).
import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { describe, h } from '../../help.js';
import { lazyAction } from '../../lazy.js';
import { addFormatOptions } from '../../outputFormat.js';

export function registerAgenda(program: Command, ctx: Context): void {
  const L = ctx.lang;
  const cmd = program
    .command('agenda')
    .option('--township <name>', h(L, '只看一个乡镇', 'one township only'))
    .option('--village <name>', h(L, '只看一个村委', 'one village committee only'))
    .option('--officer <name>', h(L, '只看这名管户员负责的贷款（花名册的 officer 列）', 'only loans this officer manages (the roster’s officer column)'))
    .option('--within <days>', h(L, '诉讼时效或保证期间在此天数内届满的列入（默认 30）', 'include limitation and guarantee periods ending within this many days (default 30)'))
    .option('--limit <n>', h(L, '最多列出几户（最紧急的）', 'at most this many households (the most urgent)'));
  addFormatOptions(cmd, L, 'agenda');
  describe(
    cmd,
    L,
    '下一步走访谁：诉讼时效即将届满（最近的在前）、承诺到期或爽约、从未走访或 90 天未走访、保证期间即将结束；按村委和组排好路线，每户列出贷款、余额、上次走访、未到期承诺、类型和应对方法。',
    'Whom to visit next: limitation expiring (soonest first), promises due or broken, households never visited or not for 90 days, guarantee periods ending; grouped by committee and group for a day’s route, each household with its loans, balance, last visit, open promise, stance and approach.',
    ['fieldvisit agenda --township 涡水镇 --limit 10', 'fieldvisit agenda --village 马头冲村委 --out route.md'],
  );
  lazyAction(cmd, ctx, () => import('./agenda.js'));
}

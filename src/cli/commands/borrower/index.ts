// `fieldvisit borrower find|show|set`: look people up by name, ID number, phone or loan number; record what happened to them (definitions; actions in ./<verb>.ts).
import type { Command } from 'commander';
import { Option } from 'commander';
import { STANCES } from '../../../domain/stance.js';
import type { Context } from '../../context.js';
import { describe, h } from '../../help.js';
import { lazyAction } from '../../lazy.js';
import { addFormatOptions } from '../../outputFormat.js';

export function registerBorrower(program: Command, ctx: Context): void {
  const L = ctx.lang;
  const b = program.command('borrower');
  describe(b, L, '查找和查看借款人。', 'Find and show borrowers.', ['fieldvisit borrower find 房', 'fieldvisit borrower show WS-2019-0001']);

  const set = b
    .command('set')
    .argument('<ref>', h(L, '合同编号、身份证号或借款人编号', 'loan number, ID number or borrower id'))
    .option('--deceased <date>', h(L, '死亡日期', 'date of death'))
    .option('--heir <name>', h(L, '继承人或遗产管理人', 'heir or estate administrator'))
    .option('--heir-known <date>', h(L, '确定继承人的日期（默认今天）', 'date the heir became known (default today)'))
    .option('--stance <type>', h(L, `借款人类型：${STANCES.join('、')}（或中文名）`, `stance: ${STANCES.join(', ')} (or the Chinese name)`))
    .addOption(new Option('--status <status>', h(L, '状态：active（在家）或 away（外出）', 'status: active or away')).choices(['active', 'away']))
    .option('--where <place>', h(L, '外出去向，如 广州', 'where they are, e.g. Guangzhou'))
    .option('--date <date>', h(L, '状态或类型的生效日期（默认今天）', 'date a status or stance takes effect (default today)'))
    .option('--json', h(L, '以 JSON 输出', 'print as JSON'));
  describe(
    set,
    L,
    '登记借款人的死亡、继承人、类型或去向。死亡和继承人影响诉讼时效（《民法典》第194条）。',
    'Record a borrower’s death, heir, stance or whereabouts. Death and heir affect the limitation clock (Civil Code art. 194).',
    ['fieldvisit borrower set WS-2022-0019 --deceased 2026-03-02', 'fieldvisit borrower set WS-2022-0019 --heir 沈小路 --heir-known 2026-11-20', 'fieldvisit borrower set WS-2022-0015 --status away --where 广州'],
  );
  lazyAction(set, ctx, () => import('./set.js'));

  const find = b
    .command('find')
    .argument('<text>', h(L, '姓名（部分）、身份证号（或后几位）、电话或合同编号', 'name (part), ID number (or its last digits), phone or loan number'))
    .option('--limit <n>', h(L, '最多显示几条', 'show at most this many'), '50')
    .option('--unmask', h(L, '显示完整的身份证号和电话', 'show full ID numbers and phones'));
  addFormatOptions(find, L, 'borrower find');
  describe(find, L, '按姓名、身份证号、电话或合同编号查找借款人。', 'Find borrowers by name, ID number, phone or loan number.', [
    'fieldvisit borrower find 房六贵',
    'fieldvisit borrower find 1234 --json',
    'fieldvisit borrower find 房 --out borrowers.csv',
  ]);
  lazyAction(find, ctx, () => import('./find.js'));

  const show = b
    .command('show')
    .argument('<ref>', h(L, '合同编号、身份证号或借款人编号', 'loan number, ID number or borrower id'))
    .option('--unmask', h(L, '显示完整的身份证号和电话', 'show full ID numbers and phones'))
    .option('--json', h(L, '以 JSON 输出', 'print as JSON'));
  describe(show, L, '显示借款人及其农户、贷款、余额和状态。', 'Show a borrower with household, loans, balances and status.', [
    'fieldvisit borrower show WS-2019-0001',
    'fieldvisit borrower show 12 --json',
  ]);
  lazyAction(show, ctx, () => import('./show.js'));
}

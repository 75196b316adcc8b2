// `fieldvisit borrower find|show`: look people up by name, ID number, phone or loan number.
import type { Command } from 'commander';
import { borrowerDetail, findBorrowers, resolveBorrowerRef } from '../../../db/borrowers.js';
import { DataError } from '../../../domain/errors.js';
import { text } from '../../../domain/text.js';
import type { Context } from '../../context.js';
import { describe, h } from '../../help.js';
import { globals, out, withSession } from '../../runtime.js';
import { registerBorrowerSet } from './set.js';
import { borrowerAsJson, borrowerAsText, borrowerHitsAsJson, borrowerHitsAsText } from '../../../format/borrowers.js';

export function registerBorrower(program: Command, ctx: Context): void {
  const L = ctx.lang;
  const b = program.command('borrower');
  describe(b, L, '查找和查看借款人。', 'Find and show borrowers.', ['fieldvisit borrower find 房', 'fieldvisit borrower show WS-2019-0001']);
  registerBorrowerSet(b, ctx);

  const find = b
    .command('find')
    .argument('<text>', h(L, '姓名（部分）、身份证号（或后几位）、电话或合同编号', 'name (part), ID number (or its last digits), phone or loan number'))
    .option('--limit <n>', h(L, '最多显示几条', 'show at most this many'), '50')
    .option('--unmask', h(L, '显示完整的身份证号和电话', 'show full ID numbers and phones'))
    .option('--json', h(L, '以 JSON 输出', 'print as JSON'));
  describe(find, L, '按姓名、身份证号、电话或合同编号查找借款人。', 'Find borrowers by name, ID number, phone or loan number.', [
    'fieldvisit borrower find 房六贵',
    'fieldvisit borrower find 1234 --json',
  ]);
  find.action(async (term: string, opts: { limit: string; unmask?: boolean; json?: boolean }, command: Command) => {
    await withSession(ctx, command, ({ db }) => {
      const hits = findBorrowers(db, term, Math.max(1, Number(opts.limit) || 50));
      out(ctx, opts.json ? borrowerHitsAsJson(hits, !!opts.unmask) : borrowerHitsAsText(hits, ctx.lang, !!opts.unmask, { ascii: !!globals(command).ascii }));
    });
  });

  const show = b
    .command('show')
    .argument('<ref>', h(L, '合同编号、身份证号或借款人编号', 'loan number, ID number or borrower id'))
    .option('--unmask', h(L, '显示完整的身份证号和电话', 'show full ID numbers and phones'))
    .option('--json', h(L, '以 JSON 输出', 'print as JSON'));
  describe(show, L, '显示借款人及其农户、贷款、余额和状态。', 'Show a borrower with household, loans, balances and status.', [
    'fieldvisit borrower show WS-2019-0001',
    'fieldvisit borrower show 12 --json',
  ]);
  show.action(async (ref: string, opts: { unmask?: boolean; json?: boolean }, command: Command) => {
    await withSession(ctx, command, ({ db }) => {
      const ids = resolveBorrowerRef(db, ref);
      if (ids.length === 0) {
        throw new DataError(
          text(`找不到“${ref}”：请用合同编号、身份证号或借款人编号；可先用 fieldvisit borrower find 查找。`, `Nothing matches "${ref}": use a loan number, ID number or borrower id; try fieldvisit borrower find first.`),
        );
      }
      const details = ids.map((id) => borrowerDetail(db, id)!);
      out(
        ctx,
        opts.json
          ? borrowerAsJson(details.length === 1 ? details[0]! : details, !!opts.unmask)
          : details.map((d) => borrowerAsText(d, ctx.lang, !!opts.unmask, { ascii: !!globals(command).ascii })).join('\n'),
      );
    });
  });
}

// `fieldvisit visit log|void|list|show|attach`: record visits, correct them by voiding, read them back, attach proof (definitions; actions in ./<verb>.ts).
import type { Command } from 'commander';
import { Option } from 'commander';
import { CHANNELS, NOT_SIGNED_REASONS, OUTCOME_KINDS } from '../../../domain/outcomes.js';
import type { Context } from '../../context.js';
import { describe, h } from '../../help.js';
import { lazyAction } from '../../lazy.js';
import { addFormatOptions } from '../../outputFormat.js';

/** --outcome repeats or takes a comma list (Chinese commas and semicolons too). */
const collect = (v: string, prev: string[]) => [...prev, ...v.split(/[,;，；]/).map((s) => s.trim()).filter(Boolean)];
/** --attach repeats; a file name may hold a comma, so it is never split. */
const repeat = (v: string, prev: string[]) => [...prev, v];

export function registerVisit(program: Command, ctx: Context): void {
  const L = ctx.lang;
  const visit = program.command('visit');
  describe(visit, L, '记录、作废和查看走访，并附上证据文件。', 'Log, void, list and show visits, and attach proof to them.', ['fieldvisit visit log', 'fieldvisit visit list --from 2026-11-16 --to 2026-11-22', 'fieldvisit visit attach 12 回执.jpg']);

  const log = visit
    .command('log')
    .option('--loan <no>', h(L, '合同编号（结果都记在这笔贷款上）', 'loan number (every outcome is on this loan)'))
    .option('--borrower <ref>', h(L, '借款人：合同编号、身份证号、编号或姓名（结果覆盖该借款人的全部贷款）', 'borrower: loan number, ID number, id or name (outcomes cover all of that borrower’s loans)'))
    .option('--date <date>', h(L, '走访日期（默认今天）', 'visit date (default today)'))
    .option('--officer <name>', h(L, '催收员（默认 config set officer 的值）', 'officer (default: config set officer)'))
    .option('--outcome <kind>', h(L, `走访结果，可重复或用逗号分隔：${OUTCOME_KINDS.join('、')}`, `outcome, repeat or comma-separate: ${OUTCOME_KINDS.join(', ')}`), collect, [] as string[])
    .option('--notice-no <no>', h(L, '签回的通知书编号', 'number of the notice signed back'))
    .addOption(new Option('--signed-by <who>', h(L, '谁签的：borrower 本人、relative 同住成年亲属（为该借款人）、guarantor 保证人（保证人通知书默认）', 'who signed: borrower, relative (a co-resident adult, for this borrower) or guarantor (the default on a guarantor notice)')))
    .option('--by <who>', h(L, '还款意向或现金由谁作出：borrower（默认）、relative、guarantor', 'who promised or paid: borrower (default), relative or guarantor'))
    .option('--relation <rel>', h(L, '代签亲属与借款人的关系（同住成年亲属）', 'the co-resident adult relative who signed (e.g. wife)'))
    .option('--principal <yuan>', h(L, '收回本金（元）', 'principal paid (yuan)'))
    .option('--interest <yuan>', h(L, '收回利息（元）', 'interest paid (yuan)'))
    .option('--promise-amount <yuan>', h(L, '承诺还款金额（元）', 'amount promised (yuan)'))
    .option('--promise-date <date>', h(L, '承诺还款日期', 'date promised'))
    .option('--reason <reason>', h(L, `未签回原因：${NOT_SIGNED_REASONS.join('|')}`, `why not signed: ${NOT_SIGNED_REASONS.join('|')}`))
    .option('--where <place>', h(L, '外出务工地点（与 --reason away 一起）', 'where the borrower works away (with --reason away)'))
    .option('--note <text>', h(L, '备注', 'note'))
    .option('--escalate <text>', h(L, '需要主管或部门协助的事项', 'a matter for the supervisor'))
    .option('--force', h(L, '仍然记录（如签回日期早于通知书发出日期）', 'record anyway (e.g. a notice signed back before its issue date)'))
    .addOption(new Option('--channel <channel>', h(L, '联系方式（默认 visit 上门走访）', 'how the contact was made (default: visit)')).choices([...CHANNELS]))
    .option('--delivered-on <date>', h(L, '短信/微信或信函的送达日期（催收自此计入时效）', 'the day a message or letter was delivered (a demand counts from it)'))
    .option('--not-delivered', h(L, '短信/微信或信函未送达', 'the message or letter was not delivered'))
    .option('--to <number>', h(L, '短信/微信发送到的号码（输出时打码）', 'the number a message went to (masked in output)'))
    .option('--tracking-no <no>', h(L, '信函的邮件单号', "the letter's tracking number"))
    .option('--recording', h(L, '电话有录音（电话中的还款承诺需要录音或截图为证）', 'the call was recorded (a promise by phone needs a recording or screenshot)'))
    .option('--attach <file>', h(L, '附件（签收回执照片、扫描件、通话录音、截图、邮寄回执），可重复；与走访一起保存', 'attach a file (photo of the signed receipt, scan, call recording, screenshot, postal receipt); repeatable; saved with the visit'), repeat, [] as string[])
    .option('--json', h(L, '以 JSON 输出保存的走访', 'print the saved visit as JSON'));
  describe(
    log,
    L,
    '记录一次走访。在终端中不带 --outcome 时逐项询问；否则只按参数记录，从不提问。',
    'Record one visit. At a terminal without --outcome it asks step by step; otherwise it records from the flags and never asks.',
    [
      'fieldvisit visit log',
      'fieldvisit visit log --loan WS-2022-0001 --outcome notice-signed,intent --promise-amount 500 --promise-date 2026-11-27',
      'fieldvisit visit log --loan WS-2021-0005 --outcome cash --principal 300 --interest 200 --date 2026-11-16',
      'fieldvisit visit log --borrower 沈二 --outcome not-signed --reason away --where 广州',
      'fieldvisit visit log --loan WS-2022-0019 --channel message --outcome demand --to 13900000001 --delivered-on 2026-11-21',
      'fieldvisit visit log --loan WS-2022-0019 --channel phone --recording --outcome intent --promise-amount 500 --promise-date 2026-12-10',
      'fieldvisit visit log --loan WS-2022-0001 --outcome notice-signed --notice-no 涡水镇-2026-0001 --attach 回执.jpg',
    ],
  );
  lazyAction(log, ctx, () => import('./log.js'));

  const show = visit
    .command('show')
    .argument('<id>', h(L, '走访编号（见 visit list）', 'visit id (see visit list)'))
    .option('--json', h(L, '以 JSON 输出', 'print as JSON'));
  describe(show, L, '显示一次走访：结果、是否作废、全部附件（文件名、类型、大小、SHA-256、添加人和时间）。', 'Show one visit: its outcomes, whether it is void, and its attachments (name, type, size, SHA-256, who added them and when).', [
    'fieldvisit visit show 12',
    'fieldvisit visit show 12 --json',
  ]);
  lazyAction(show, ctx, () => import('./show.js'));

  const attach = visit
    .command('attach')
    .argument('<id>', h(L, '走访编号（见 visit list）', 'visit id (see visit list)'))
    .argument('<file...>', h(L, '要附上的文件（每个不超过 25 MB）', 'files to attach (up to 25 MiB each)'))
    .option('--officer <name>', h(L, '添加人（默认 config set officer 的值）', 'who adds them (default: config set officer)'))
    .option('--json', h(L, '以 JSON 输出', 'print as JSON'));
  describe(
    attach,
    L,
    '给已记录的走访附上证据文件：保存在数据库里，同一内容只存一份；类型按文件内容识别。已作废的走访不能再加附件。',
    'Attach proof to a recorded visit: stored inside the database, the same content once; the type is told from the bytes. A void visit takes no new attachments.',
    ['fieldvisit visit attach 12 回执.jpg', 'fieldvisit visit attach 12 通话录音.amr 短信截图.png --officer 张明'],
  );
  lazyAction(attach, ctx, () => import('./attach.js'));

  const voidCmd = visit
    .command('void')
    .argument('<id>', h(L, '走访编号（见 visit list）', 'visit id (see visit list)'))
    .option('--reason <text>', h(L, '作废原因（必填）', 'why it is void (required)'))
    .option('--officer <name>', h(L, '作废人（默认 config set officer 的值）', 'who voids it (default: config set officer)'))
    .option('--json', h(L, '以 JSON 输出', 'print as JSON'));
  describe(
    voidCmd,
    L,
    '作废一条走访记录：记录保留（谁、何时、为何作废），但不再计入任何数字；改正的办法是再记一条新的走访。',
    'Void a visit: it stays on record (who, when, why) but counts in no figure; to correct it, log a new visit.',
    ['fieldvisit visit void 12 --reason "wrong household"', 'fieldvisit visit void 12 --reason 金额录错 --officer 张明'],
  );
  lazyAction(voidCmd, ctx, () => import('./void.js'));

  const list = visit
    .command('list')
    .option('--from <date>', h(L, '从这天起（含）', 'from this date (inclusive)'))
    .option('--to <date>', h(L, '到这天止（含）', 'to this date (inclusive)'))
    .option('--township <name>', h(L, '乡镇', 'township'))
    .option('--village <name>', h(L, '村委（含已并入的村委）', 'village committee (with those merged into it)'))
    .option('--officer <name>', h(L, '催收员', 'officer'))
    .option('--outcome <kind>', h(L, `结果：${OUTCOME_KINDS.join('、')}`, `outcome: ${OUTCOME_KINDS.join(', ')}`))
    .option('--loan <no>', h(L, '合同编号', 'loan number'))
    .option('--all', h(L, '包括已作废的走访', 'include void visits'));
  addFormatOptions(list, L, 'visit list');
  describe(list, L, '列出走访记录（默认不含作废的）。', 'List visits (void ones only with --all).', [
    'fieldvisit visit list --from 2026-11-16 --to 2026-11-22',
    'fieldvisit visit list --village 马头冲村委 --outcome cash --json',
    'fieldvisit visit list --loan WS-2022-0001 --all',
    'fieldvisit visit list --from 2026-11-16 --to 2026-11-22 --out visits.csv',
  ]);
  lazyAction(list, ctx, () => import('./list.js'));
}

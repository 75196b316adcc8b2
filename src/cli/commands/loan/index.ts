// `fieldvisit loan clock|mark|legal`: explain a loan's limitation date; record marks (public notice, acceleration) and the stages of a case (definitions; actions in ./<verb>.ts).
import type { Command } from 'commander';
import { Option } from 'commander';
import { LEGAL_RESULTS, LEGAL_STAGES, PUBLIC_MEDIA } from '../../../domain/limitationStatus.js';
import type { Context } from '../../context.js';
import { describe, h } from '../../help.js';
import { lazyAction } from '../../lazy.js';
import { addFormatOptions } from '../../outputFormat.js';

export function registerLoan(program: Command, ctx: Context): void {
  const L = ctx.lang;
  const loan = program.command('loan');
  describe(loan, L, '贷款：诉讼时效说明；登记公告催收、提前到期和诉讼各阶段。', 'Loans: explain the limitation clock; record public notices, accelerations and the stages of a case.', [
    'fieldvisit loan clock WS-2022-0024',
    'fieldvisit loan legal WS-2022-0019 --stage filed --date 2026-11-20 --court 某某县人民法院',
  ]);

  const clock = loan
    .command('clock')
    .argument('<ref>', h(L, '合同编号（或身份证号、借款人编号：显示其全部贷款）', 'loan number (or ID number or borrower id: all their loans)'))
    .option('--within <days>', h(L, '剩余天数不超过此数即为“即将届满”（默认 30）', '"expiring" when at most this many days are left (default 30)'))
    .option('--json', h(L, '以 JSON 输出', 'print as JSON'));
  describe(
    clock,
    L,
    '说明一笔贷款的诉讼时效：起算日、每个事件（日期、谁的行为、适用的条文、此后的届满日）、结果；保证人的期间和诉讼时效；判决后的申请执行期限。仅为辅助提示，不构成法律意见。',
    'Explain a loan’s limitation date step by step: the start, each event (date, whose act, the article applied, the date that results), the result; the guarantor’s period and limitation; after a judgment, the deadline to apply for enforcement. An aid, not legal advice.',
    ['fieldvisit loan clock WS-2022-0024', 'fieldvisit loan clock WS-2013-0016 --json'],
  );
  lazyAction(clock, ctx, () => import('./clock.js'));

  const mark = loan
    .command('mark')
    .argument('<loan>', h(L, '合同编号', 'loan number'))
    .option('--public-notice <date>', h(L, '公告催收日期（需 --medium；借款人下落不明且登在国家级或省级媒体时才中断时效）', 'date of a demand by public notice (needs --medium; interrupts only for a missing borrower in national or provincial media)'))
    .addOption(new Option('--medium <medium>', h(L, '公告媒体级别', 'where the notice ran')).choices([...PUBLIC_MEDIA]))
    .option('--accelerated <date>', h(L, '宣布贷款提前到期的日期（早于合同到期日时，时效自此起算）', 'date the loan was declared due early (the period runs from it when earlier than the due date)'))
    .option('--lawsuit <date>', h(L, '起诉日期（同 loan legal --stage filed）', 'date the lawsuit was filed (same as loan legal --stage filed)'))
    .option('--note <text>', h(L, '备注，如报纸名称或案号', 'note, e.g. the newspaper or the case number'))
    .option('--officer <name>', h(L, '登记人（默认 config set officer 的值）', 'who records it (default: config set officer)'))
    .option('--json', h(L, '以 JSON 输出', 'print as JSON'));
  describe(
    mark,
    L,
    '登记公告催收或提前到期（--lawsuit 是 loan legal --stage filed 的简写）。同一日期重复登记只记一次；登记错了用 loan mark void 作废。',
    'Record a demand by public notice or an acceleration (--lawsuit is short for loan legal --stage filed). The same date twice is recorded once; void a wrong one with loan mark void.',
    [
      'fieldvisit loan mark WS-2022-0015 --public-notice 2026-11-01 --medium provincial --note 广西日报',
      'fieldvisit loan mark WS-2023-0010 --accelerated 2026-10-08',
      'fieldvisit loan mark void 3 --reason "录错日期"',
    ],
  );
  lazyAction(mark, ctx, () => import('./mark.js'));
  const markVoid = mark
    .command('void')
    .argument('<id>', h(L, '标记编号（loan clock 中显示）', 'mark id (shown by loan clock)'))
    .option('--reason <text>', h(L, '作废原因（必填）', 'why it is void (required)'))
    .option('--officer <name>', h(L, '作废人（默认 config set officer 的值）', 'who voids it (default: config set officer)'))
    .option('--json', h(L, '以 JSON 输出', 'print as JSON'));
  describe(markVoid, L, '作废一条贷款标记：记录保留，注明谁、何时、为何作废，不再计入时效。', 'Void a loan mark: it is kept with who, when and why, and no longer counts.', ['fieldvisit loan mark void 3 --reason "录错日期"']);
  lazyAction(markVoid, ctx, () => import('./markVoid.js'));

  const legal = loan
    .command('legal')
    .argument('<loan>', h(L, '合同编号', 'loan number'))
    .addOption(new Option('--stage <stage>', h(L, '阶段：referred 移交法务、filed 起诉、judgment 判决、enforcement 申请执行、closed 结案', 'stage: referred, filed, judgment, enforcement, closed')).choices([...LEGAL_STAGES]))
    .option('--date <date>', h(L, '该阶段的日期', 'date of the stage'))
    .option('--perform-by <date>', h(L, '判决确定的履行期限最后一日（judgment）', 'last day of performance the judgment sets (judgment)'))
    .option('--court <name>', h(L, '法院', 'court'))
    .option('--case-no <no>', h(L, '案号', 'case number'))
    .option('--lawyer <name>', h(L, '代理律师', 'lawyer'))
    .addOption(new Option('--result <result>', h(L, '结案结果（closed）', 'how the case ended (closed)')).choices([...LEGAL_RESULTS]))
    .option('--note <text>', h(L, '备注', 'note'))
    .option('--officer <name>', h(L, '登记人（默认 config set officer 的值）', 'who records it (default: config set officer)'))
    .option('--json', h(L, '以 JSON 输出', 'print as JSON'));
  describe(
    legal,
    L,
    '登记诉讼的各阶段。起诉中断诉讼时效；判决后改为计算申请强制执行的期限（履行期限届满后 2 年，《民事诉讼法》第250条）。阶段顺序不对（如判决早于起诉、履行期限早于判决）会被拒绝。',
    'Record the stages of a case. Filing interrupts the limitation period; after a judgment the clock shows the deadline to apply for enforcement (2 years after the last day of performance, Civil Procedure Law art. 250). Stages out of order (a judgment before filing, perform-by before the judgment) are refused.',
    [
      'fieldvisit loan legal WS-2022-0019 --stage filed --date 2026-11-20 --court 某某县人民法院 --case-no "(2026)桂0123民初456号"',
      'fieldvisit loan legal WS-2022-0019 --stage judgment --date 2027-03-01 --perform-by 2027-03-31',
      'fieldvisit loan legal void 2 --reason "案号录错"',
    ],
  );
  lazyAction(legal, ctx, () => import('./legal.js'));
  const legalVoid = legal
    .command('void')
    .argument('<id>', h(L, '诉讼记录编号（loan clock 中显示）', 'legal record id (shown by loan clock)'))
    .option('--reason <text>', h(L, '作废原因（必填）', 'why it is void (required)'))
    .option('--officer <name>', h(L, '作废人（默认 config set officer 的值）', 'who voids it (default: config set officer)'))
    .option('--json', h(L, '以 JSON 输出', 'print as JSON'));
  describe(legalVoid, L, '作废一条诉讼记录：记录保留，注明谁、何时、为何作废，不再计入时效。', 'Void a legal record: it is kept with who, when and why, and no longer counts.', ['fieldvisit loan legal void 2 --reason "案号录错"']);
  lazyAction(legalVoid, ctx, () => import('./legalVoid.js'));

  const dossier = loan
    .command('dossier')
    .argument('<loan>', h(L, '合同编号', 'loan number'))
    .option('--unmask', h(L, '显示完整身份证号和电话（交法务部门的正本）', 'full ID numbers and phones (the legal department’s copy)'));
  addFormatOptions(dossier, L, 'loan dossier');
  describe(
    dossier,
    L,
    '一笔贷款的证据目录（交法务部门）：当事人、余额与还款（是否入账）、诉讼时效逐步推算及条文、保证人期间、按日期编号的证据（方式、行为人、证明事项、附件：图片直接嵌入，其他文件列出 SHA-256）、通知书和费用。--out 文件.html 为可打印的 A4 页面。',
    'The legal file of one loan for the legal department: parties, balance history (posted or not), the limitation chain step by step with its articles, the guarantor’s clock, and the numbered evidence (channel, who acted, what it proves, attachments: images embedded, other files named by SHA-256), notices and costs. --out FILE.html writes a printable A4 page.',
    ['fieldvisit loan dossier WS-2022-0019 --out 证据目录.html', 'fieldvisit loan dossier WS-2022-0019 --json --unmask'],
  );
  lazyAction(dossier, ctx, () => import('./dossier.js'));
}

// People's names for the machine column names of CSV and JSON (snake_case): Chinese headers for `--headers zh`, and a workbook's header row in either language.
import type { Lang, Text } from '../domain/text.js';

const t = (zh: string, en: string): Text => ({ zh, en });

export const COLUMN_LABELS: Record<string, Text> = {
  // places and people
  township: t('乡镇', 'Township'),
  area: t('片区', 'Area'),
  village: t('村委', 'Village committee'),
  group: t('组', 'Group'),
  merged_into: t('并入村委', 'Merged into'),
  merged_on: t('合并日期', 'Merged on'),
  household_id: t('农户编号', 'Household id'),
  household_head: t('户主', 'Household head'),
  households: t('户数', 'Households'),
  borrower_id: t('借款人编号', 'Borrower id'),
  borrower: t('借款人', 'Borrower'),
  name: t('姓名', 'Name'),
  id_number: t('身份证号', 'ID number'),
  phone: t('电话', 'Phone'),
  status: t('状态', 'Status'),
  stance: t('客户类型', 'Stance'),
  officer: t('催收员', 'Officer'),
  // loans and money
  loans: t('贷款笔数', 'Loans'),
  loan_no: t('合同编号', 'Loan no.'),
  principal: t('本金', 'Principal'),
  interest: t('利息', 'Interest'),
  guarantor: t('保证人', 'Guarantor'),
  guarantee_ends: t('保证期间至', 'Guarantee ends'),
  // visits and outcomes
  visit_id: t('走访编号', 'Visit id'),
  uid: t('全局编号', 'Global id'),
  visit_date: t('走访日期', 'Visit date'),
  outcome: t('走访结果', 'Outcome'),
  notice_no: t('通知书编号', 'Notice no.'),
  signed_by: t('签收人', 'Signed by'),
  relation: t('代签人关系', 'Relation'),
  reason: t('未签回原因', 'Reason'),
  where: t('外出地点', 'Where'),
  promise_amount: t('承诺金额', 'Promised amount'),
  promise_date: t('承诺日期', 'Promise date'),
  text: t('说明', 'Text'),
  note: t('备注', 'Note'),
  escalate: t('需协助事项', 'For the supervisor'),
  source: t('来源', 'Source'),
  external_id: t('外部编号', 'External id'),
  created_at: t('记录时间', 'Recorded at'),
  void_reason: t('作废原因', 'Void reason'),
  voided_by: t('作废人', 'Voided by'),
  voided_at: t('作废时间', 'Voided at'),
  // promises
  amount: t('承诺金额', 'Amount'),
  paid_by_date: t('到期前已还', 'Paid by the date'),
  paid_since: t('承诺后已还', 'Paid since'),
  broken_count: t('爽约次数', 'Broken promises'),
  // notices
  type: t('类型', 'Type'),
  issued_on: t('发出日期', 'Issued on'),
  external: t('外部通知书', 'External'),
  signed_on: t('签回日期', 'Signed on'),
  signed_visit_id: t('签回走访编号', 'Signed at visit'),
  // weekly report
  week_start: t('起始日期', 'Week start'),
  week_end: t('结束日期', 'Week end'),
  week_iso: t('周次', 'ISO week'),
  households_visited: t('已走访户数', 'Households visited'),
  notice_signed: t('已签回', 'Signed'),
  not_signed: t('未签回', 'Not signed'),
  not_reached: t('未送达', 'Not reached'),
  cash_households: t('现金收回户数', 'Cash households'),
  cash_payments: t('现金收回笔数', 'Cash payments'),
  cash_principal: t('收回本金', 'Cash principal'),
  cash_interest: t('收回利息', 'Cash interest'),
  intent_households: t('还款意向户数', 'Intent households'),
  intent_principal: t('意向贷款本金', 'Intent principal'),
  statute_expired: t('已丧失诉讼时效', 'Statute expired'),
  cash_unposted: t('尚未入账', 'Cash not yet posted'),
  // limitation
  due_date: t('到期日', 'Due date'),
  last_interruption: t('最后中断日期', 'Last interruption'),
  last_interruption_kind: t('最后中断方式', 'Last interruption kind'),
  expires: t('时效届满日', 'Expires'),
  days_left: t('剩余天数', 'Days left'),
  suspended: t('时效中止', 'Suspended'),
  reconfirmed_on: t('重新确认日期', 'Reconfirmed on'),
  rule: t('规则', 'Rule'),
  officer_finding: t('催收员认定日期', 'Officer finding'),
  officer_disagrees: t('认定与计算不一致', 'Officer disagrees'),
  // aging
  bucket: t('逾期时间', 'Past due'),
  recovered_principal: t('已收本金', 'Recovered principal'),
  recovered_interest: t('已收利息', 'Recovered interest'),
  recovered_share: t('收回比例', 'Recovered share'),
  // officers
  visits: t('外访次数', 'Visits'),
  quota: t('指标', 'Quota'),
  quota_share: t('完成率', 'Of quota'),
  notices_signed: t('签回通知书', 'Notices signed'),
  intents: t('还款意向', 'Intents'),
  promises_kept: t('承诺兑现', 'Promises kept'),
  promises_broken: t('爽约', 'Promises broken'),
  promises_open: t('未到期承诺', 'Promises open'),
  kept_rate: t('兑现率', 'Kept rate'),
  // agenda
  rank: t('序号', 'Rank'),
  reasons: t('走访原因', 'Reasons'),
  reason_kinds: t('原因代码', 'Reason codes'),
  last_visit: t('上次走访', 'Last visit'),
  open_promise_amount: t('未到期承诺金额', 'Open promise amount'),
  open_promise_date: t('未到期承诺日期', 'Open promise date'),
};

/** The label of a column; an unknown name stays as it is (a test checks every CSV column has one). */
export function columnLabel(name: string, lang: Lang, overrides?: Readonly<Record<string, Text>>): string {
  const l = overrides?.[name] ?? COLUMN_LABELS[name];
  return l ? l[lang] : name;
}

// Further `npm start` steps, one per feature. The weekly report comes before any step that logs a visit,
// so it shows the sample week exactly as the source summarised it.
export const steps = [
  { title: 'look someone up', args: ['borrower', 'show', 'WS-2022-0001'] },
  { title: 'the weekly township visit summary for the sample week', args: ['report', 'weekly', '--week', '2026-W47', '--next', '香坪镇'] },
  { title: 'the week’s visits', args: ['visit', 'list', '--from', '2026-11-16', '--to', '2026-11-22'] },
  { title: 'every promise, kept, partly kept, broken or open', args: ['promise', 'list'] },
  { title: 'promises falling due this coming week', args: ['promise', 'list', '--due-within', '7'] },
  { title: 'a numbered notice, printable with both copies', args: ['notice', 'issue', '--loan', 'WS-2022-0019', '--type', 'overdue-loan', '--out', 'demo/notice-WS-2022-0019.html'] },
  { title: 'a visit logged by flags: the notice came back signed, with a promise', args: ['visit', 'log', '--loan', 'WS-2022-0019', '--outcome', 'notice-signed,intent', '--notice-no', '涡水镇-2026-0001', '--promise-amount', '300', '--promise-date', '2026-12-10', '--officer', '张明'] },
  { title: 'the notice register', args: ['notice', 'list'] },
  { title: 'whom to visit next week', args: ['agenda', '--township', '涡水镇', '--limit', '10'] },
  { title: 'why 房德 must be seen before 10 December', args: ['loan', 'clock', 'WS-2022-0024'] },
  { title: 'loans whose limitation expires within 30 days', args: ['report', 'limitation', '--township', '涡水镇', '--status', 'expiring'] },
  { title: 'the township’s roster for an officer’s laptop (ID numbers masked)', args: ['export', '--roster', '--township', '涡水镇', '--out', 'demo/涡水镇-roster.fvb'] },
  { title: 'this laptop’s new records for the supervisor', args: ['export', '--out', 'demo/to-supervisor.fvb', '--to', 'supervisor'] },
  { title: 'merging a bundle whose records are all here already changes nothing', args: ['merge', 'demo/to-supervisor.fvb'] },
  { title: 'a consistent backup into demo/backups/', args: ['backup'] },
];

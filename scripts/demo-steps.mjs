// Further `npm start` steps, one per feature; each issue adds its own.
export const steps = [
  { title: 'look someone up', args: ['borrower', 'show', 'WS-2022-0001'] },
  { title: 'the township’s roster for an officer’s laptop (ID numbers masked)', args: ['export', '--roster', '--township', '涡水镇', '--out', 'demo/涡水镇-roster.fvb'] },
  { title: 'this laptop’s new records for the supervisor', args: ['export', '--out', 'demo/to-supervisor.fvb', '--to', 'supervisor'] },
  { title: 'merging a bundle whose records are all here already changes nothing', args: ['merge', 'demo/to-supervisor.fvb'] },
  { title: 'a consistent backup into demo/backups/', args: ['backup'] },
];

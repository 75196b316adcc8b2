// Further `npm start` steps, one per feature; each issue adds its own.
export const steps = [
  { title: 'look someone up', args: ['borrower', 'show', 'WS-2022-0001'] },
  { title: 'whom to visit next week', args: ['agenda', '--township', '涡水镇', '--limit', '10'] },
  { title: 'why 房德 must be seen before 10 December', args: ['loan', 'clock', 'WS-2022-0024'] },
  { title: 'loans whose limitation expires within 30 days', args: ['report', 'limitation', '--township', '涡水镇', '--status', 'expiring'] },
];

// Further `npm start` steps, one per feature; each issue adds its own.
export const steps = [
  { title: 'look someone up', args: ['borrower', 'show', 'WS-2022-0001'] },
  { title: 'the weekly township visit summary for the sample week', args: ['report', 'weekly', '--week', '2026-W47', '--next', '香坪镇'] },
];

// Further `npm start` steps, one per feature; each issue adds its own.
export const steps = [
  { title: 'look someone up', args: ['borrower', 'show', 'WS-2022-0001'] },
];

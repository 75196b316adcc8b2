// `fieldvisit cost void ID --reason TEXT` (action): the cost stays, marked void with who, when and why, and counts in no report.
import { voidAction } from '../loan/recordedBy.js';

export const action = voidAction(
  'costs',
  { zh: '费用', en: 'cost', article: 'a', prefix: '#', list: 'fieldvisit cost list', what: { zh: '费用记录', en: 'cost', hint: 'fieldvisit cost list --all' } },
  { mustExist: true },
);

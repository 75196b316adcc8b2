// `fieldvisit loan mark void ID --reason TEXT` (action): the record stays, marked void with who, when and why, and counts nowhere.
import { voidAction } from './recordedBy.js';

export const action = voidAction('loan_marks', {
  zh: '记录', en: 'record', article: 'a', prefix: '', list: 'fieldvisit loan clock',
  what: { zh: '贷款标记', en: 'loan mark', hint: 'fieldvisit loan clock 合同编号' },
});

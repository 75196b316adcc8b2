// `fieldvisit loan legal void ID --reason TEXT` (action): the record stays, marked void with who, when and why, and counts nowhere.
import { voidAction } from './recordedBy.js';

export const action = voidAction('legal_events', {
  zh: '记录', en: 'record', article: 'a', prefix: '', list: 'fieldvisit loan clock',
  what: { zh: '诉讼记录', en: 'legal record', hint: 'fieldvisit loan clock LOAN' },
});

// `fieldvisit attachment void ID --reason TEXT` (action): the attachment stays, marked void with who, when and why, and is no proof.
import { voidAction } from '../loan/recordedBy.js';

export const action = voidAction('attachments', {
  zh: '附件', en: 'attachment', article: 'an', prefix: '', list: 'fieldvisit visit show',
  what: { zh: '附件', en: 'attachment', hint: 'fieldvisit visit show' },
});

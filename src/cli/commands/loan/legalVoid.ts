// `fieldvisit loan legal void ID --reason TEXT` (action): the record stays, marked void with who, when and why, and counts nowhere.
import { voidAction } from './recordedBy.js';

export const action = voidAction('legal_events');

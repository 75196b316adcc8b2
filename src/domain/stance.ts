// The seven borrower stances collection officers recognise, with how to approach each.
import type { Text } from './text.js';

export const STANCES = [
  'provocative',
  'evasive',
  'victim',
  'confident',
  'stubborn',
  'sophisticated',
  'promise-maker',
] as const;
export type Stance = (typeof STANCES)[number];

export interface StanceInfo {
  label: Text;
  approach: Text;
}

export const STANCE_INFO: Record<Stance, StanceInfo> = {
  provocative: {
    label: { zh: '挑衅型', en: 'provocative' },
    approach: {
      zh: '先弄清敌意从何而来，让对方把话说完，体谅其难处；等情绪平复再谈解决办法，不要针锋相对。',
      en: 'Find out where the hostility comes from, let them talk it out and acknowledge their difficulties; once calm, look for a solution together. Never meet force with force.',
    },
  },
  evasive: {
    label: { zh: '推托型', en: 'evasive' },
    approach: {
      zh: '很难找到本人：坚持反复上门或联系，直到对方愿意坐下来谈还款；保持自信。',
      en: 'Hard to reach: keep calling and keep visiting until they agree to discuss the loan. Confidence is what works.',
    },
  },
  victim: {
    label: { zh: '受害者型', en: 'victim' },
    approach: {
      zh: '等对方情绪稳定后再说明情况，表示理解与同情；对方感到被理解后，把话题引回还款，给出几种还款办法。',
      en: 'Wait until they are calm, then explain the position with sympathy; once they feel understood, bring the talk back to repayment and offer several ways to pay.',
    },
  },
  confident: {
    label: { zh: '自信型', en: 'confident' },
    approach: {
      zh: '态度坚定，讲清程序和后果，用事实说话，不被吓住；主导谈话并提出可选的还款方案。',
      en: 'Be firm, show you know the procedure and its consequences, argue with facts, do not be intimidated; lead the conversation and offer repayment options.',
    },
  },
  stubborn: {
    label: { zh: '顽固型', en: 'stubborn' },
    approach: {
      zh: '要有耐心，花时间讲按时还款的好处和各种还款方式，及时提出建议，始终由你主导谈话。',
      en: 'Be patient; take time to explain the benefits of paying and the ways to pay, make your proposal early, and keep leading the conversation.',
    },
  },
  sophisticated: {
    label: { zh: '老练型', en: 'sophisticated' },
    approach: {
      zh: '表现出熟悉法律程序，友好而坚持，不理会其傲慢，专业地引导其选择可行的还款方案。',
      en: 'Show you know the legal process; stay friendly and persistent, ignore the condescension, and steer them professionally to a workable repayment plan.',
    },
  },
  'promise-maker': {
    label: { zh: '保证还款型', en: 'promise-maker' },
    approach: {
      zh: '总在承诺却很少兑现：讲清兑现承诺的重要性和失信的后果，用行动表明催收是认真的。',
      en: 'Always promises, rarely pays: stress why the promise matters and what breaking it costs, and show by action that collection is serious.',
    },
  },
};

const ALIASES: Record<string, Stance> = {};
for (const s of STANCES) {
  ALIASES[s] = s;
  ALIASES[STANCE_INFO[s].label.zh] = s;
  ALIASES[STANCE_INFO[s].label.zh.replace(/型$/, '')] = s;
}

export function parseStance(s: string): Stance | null {
  return ALIASES[s.trim().toLowerCase()] ?? ALIASES[s.trim()] ?? null;
}

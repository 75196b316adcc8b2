// Bilingual text: every user-facing message exists in Chinese and English.
export type Lang = 'zh' | 'en';
export interface Text {
  zh: string;
  en: string;
}

export function text(zh: string, en: string): Text {
  return { zh, en };
}

export function pick(t: Text, lang: Lang): string {
  return t[lang];
}

/** The Chinese or the English of a label written inline (renderers): pick(text(zh, en), lang) without the object. */
export function inLang(lang: Lang, zh: string, en: string): string {
  return lang === 'zh' ? zh : en;
}

export function isLang(v: unknown): v is Lang {
  return v === 'zh' || v === 'en';
}

// Bilingual text from the programme ({"en", "zh"}) in the console's language, falling
// back to the other language and then to the original title.
import { language } from './i18n.js';

export function pick(text, fallback = '') {
  if (!text || typeof text !== 'object') return typeof text === 'string' ? text : fallback;
  const first = language() === 'zh' ? text.zh : text.en;
  const second = language() === 'zh' ? text.en : text.zh;
  return first || second || text.original || fallback;
}

export function filmTitle(item) {
  if (!item) return '';
  return pick(item.title, item.originalTitle || item.title?.original || item.film || '');
}

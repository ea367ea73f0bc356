// Turns a failed reply (controller, player or console server) into a sentence that says
// what happened and what to do, in the console's language.
import { t, hasKey } from './i18n.js';

export function replyText(reply) {
  const error = reply?.error ?? {};
  const key = `error.${error.code}`;
  const sentence = hasKey(key) ? t(key) : '';
  if (sentence && error.message && error.message !== sentence) return `${sentence} (${error.message})`;
  return sentence || error.message || t('error.unknown');
}

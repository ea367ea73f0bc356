// Reads a programme file chosen in the browser into the arguments of programme.import.
// Only what the browser can tell without the controller is checked here (size, encoding,
// JSON syntax); the controller validates the content and lists every problem by row.
import { t } from './i18n.js';

export const maxImportBytes = 16 * 1024 * 1024;

export async function readProgrammeFile(file) {
  if (file.size > maxImportBytes) return { error: t('import.tooLarge', { size: Math.round(file.size / 1048576) }) };
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { error: t('import.notUtf8') };
  }
  const isCsv = /\.csv$/i.test(file.name) || (!/\.json$/i.test(file.name) && !text.trimStart().startsWith('{'));
  if (isCsv) {
    const rows = text.split(/\r?\n/).filter((line) => line.trim() !== '').length - 1;
    return { args: { format: 'csv', csv: text }, summary: t('import.csvSummary', { rows: Math.max(rows, 0) }) };
  }
  let programme;
  try {
    programme = JSON.parse(text);
  } catch (error) {
    return { error: t('import.badJson', { reason: error.message }) };
  }
  if (programme === null || typeof programme !== 'object' || Array.isArray(programme)) return { error: t('import.notObject') };
  const count = (list) => (Array.isArray(programme[list]) ? programme[list].length : 0);
  return {
    args: { format: 'json', programme },
    summary: t('import.jsonSummary', { screenings: count('screenings'), films: count('films'), screens: count('screens') }),
  };
}

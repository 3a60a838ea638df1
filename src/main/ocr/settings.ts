/** The workspace's default OCR languages (the `settings` table, key `ocr.languages`). */
import { parseLanguages } from '../../shared/ocr';
import type { Db } from '../db/open';

const KEY = 'ocr.languages';
/** Without a setting: English, which ships with the app. */
export const FALLBACK_LANGUAGES = ['eng'];

export function defaultOcrLanguages(db: Db): string[] {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as
    { value: string } | undefined;
  if (!row) return FALLBACK_LANGUAGES;
  try {
    const parsed = parseLanguages((JSON.parse(row.value) as string[]).join('+'));
    return 'languages' in parsed ? parsed.languages : FALLBACK_LANGUAGES;
  } catch {
    return FALLBACK_LANGUAGES;
  }
}

export function setDefaultOcrLanguages(db: Db, languages: readonly string[]): void {
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(KEY, JSON.stringify(languages));
}

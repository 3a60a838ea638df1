/**
 * Where the data of an OCR language comes from, all local: English ships with the app
 * (@tesseract.js-data/eng), other languages come from a copy the researcher added to the workspace
 * (`ocr-languages/`) or from the system's Tesseract data (Debian/Ubuntu `tesseract-ocr-rus` etc.,
 * Homebrew, the Windows installer). Nothing is ever downloaded.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { LANGUAGE_CODE } from '../../shared/ocr';
import { unpackedPath } from './unpacked';

/** The workspace folder that holds language files the researcher added. */
export const WORKSPACE_LANGUAGES = 'ocr-languages';

export interface LanguageSource {
  code: string;
  file: string;
  origin: 'workspace' | 'bundled' | 'system';
}

/** System folders where Tesseract keeps its `.traineddata` files, most specific first. */
export function systemTessdataDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  const dirs: string[] = [];
  if (env.TESSDATA_PREFIX)
    dirs.push(env.TESSDATA_PREFIX, path.join(env.TESSDATA_PREFIX, 'tessdata'));
  dirs.push(
    '/usr/share/tesseract-ocr/5/tessdata',
    '/usr/share/tesseract-ocr/4.00/tessdata',
    '/usr/share/tessdata',
    '/usr/local/share/tessdata',
    '/opt/homebrew/share/tessdata',
    '/opt/local/share/tessdata',
  );
  if (env.ProgramFiles) dirs.push(path.join(env.ProgramFiles, 'Tesseract-OCR', 'tessdata'));
  return dirs;
}

/** English as shipped with the app (LSTM "best_int" models, gzipped). */
export function bundledEnglish(): string | null {
  try {
    const pkg = createRequire(import.meta.url).resolve('@tesseract.js-data/eng/package.json');
    const file = path.join(path.dirname(pkg), '4.0.0_best_int', 'eng.traineddata.gz');
    return existsSync(unpackedPath(file)) ? unpackedPath(file) : null;
  } catch {
    return null;
  }
}

/** The file for one language, or null when it is installed nowhere. */
export function findLanguage(
  code: string,
  dataDir: string | null,
  env: NodeJS.ProcessEnv = process.env,
): LanguageSource | null {
  if (!LANGUAGE_CODE.test(code)) return null;
  const name = `${code}.traineddata`;
  if (dataDir) {
    const own = path.join(dataDir, WORKSPACE_LANGUAGES, name);
    if (isFile(own)) return { code, file: own, origin: 'workspace' };
  }
  if (code === 'eng') {
    const bundled = bundledEnglish();
    if (bundled) return { code, file: bundled, origin: 'bundled' };
  }
  for (const dir of systemTessdataDirs(env)) {
    const file = path.join(dir, name);
    if (isFile(file)) return { code, file, origin: 'system' };
  }
  return null;
}

/** Every language available here (for the settings and `claimdesk ocr --list-languages`). */
export function availableLanguages(dataDir: string | null): LanguageSource[] {
  const codes = new Set<string>(['eng']);
  const dirs = [
    ...(dataDir ? [path.join(dataDir, WORKSPACE_LANGUAGES)] : []),
    ...systemTessdataDirs(),
  ];
  for (const dir of dirs) {
    for (const f of readdirSafe(dir)) {
      const m = /^(.+)\.traineddata$/.exec(f);
      if (m && LANGUAGE_CODE.test(m[1]!) && m[1] !== 'osd') codes.add(m[1]!);
    }
  }
  return [...codes]
    .sort()
    .map((code) => findLanguage(code, dataDir))
    .filter((s): s is LanguageSource => s !== null);
}

/**
 * Is this Tesseract language data? A `.traineddata` file (gzipped or not) starts with the number
 * of entries of its table of contents (a 32-bit little-endian integer, 24 in Tesseract 4–5, fewer
 * in older files), followed by one 64-bit offset per entry: -1 for an absent entry, otherwise a
 * place inside the file, in increasing order. Returns null when it is, or why it is not.
 */
export function traineddataProblem(bytes: Uint8Array): string | null {
  let data = bytes;
  if (data[0] === 0x1f && data[1] === 0x8b) {
    try {
      data = gunzipSync(data, { maxOutputLength: 512 * 1024 * 1024 });
    } catch {
      return 'it is a damaged gzip file';
    }
  }
  if (data.byteLength < 16) return 'it is too short to be Tesseract language data';
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const entries = view.getInt32(0, true);
  if (entries < 1 || entries > 64) return 'it does not start with a Tesseract table of contents';
  const tableEnd = 4 + entries * 8;
  if (tableEnd > data.byteLength) return 'its table of contents runs past its end';
  let previous = tableEnd - 1;
  let present = 0;
  for (let i = 0; i < entries; i++) {
    const offset = Number(view.getBigInt64(4 + i * 8, true));
    if (offset === -1) continue;
    if (offset <= previous || offset >= data.byteLength) {
      return 'its table of contents points outside the file';
    }
    previous = offset;
    present++;
  }
  return present === 0 ? 'it holds no Tesseract model' : null;
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** The bytes of a language file (read when an OCR run starts). */
export const readLanguage = (source: LanguageSource): Uint8Array => readFileSync(source.file);

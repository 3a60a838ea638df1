import { renameSync } from 'node:fs';
import path from 'node:path';
import type { OcrLanguages } from '../../shared/api-ocr';
import { LANGUAGE_CODE } from '../../shared/ocr';
import type { Db } from '../db/open';
import { AppError } from '../errors';
import { cancelJob, jobProgress } from '../jobs';
import { availableLanguages, traineddataProblem, WORKSPACE_LANGUAGES } from '../ocr/languages';
import { rerunOcr } from '../ocr/rerun';
import { ensurePrivateDir, writePrivateFile } from '../private-files';
import { defaultOcrLanguages, setDefaultOcrLanguages } from '../ocr/settings';
import type { HandlerGroup } from '../rpc';

function languages(db: Db, dataDir: string): OcrLanguages {
  return {
    available: availableLanguages(dataDir).map(({ code, origin }) => ({ code, origin })),
    defaults: defaultOcrLanguages(db),
  };
}

/**
 * A language file the researcher adds: checked to be Tesseract data, then written beside the
 * workspace (temporary name, then renamed, so a half-written file is never taken for a language).
 */
export function addLanguage(dataDir: string, code: string, bytes: Uint8Array): void {
  if (!LANGUAGE_CODE.test(code)) {
    throw new AppError(
      'invalid_input',
      `"${code.slice(0, 40)}" is not a Tesseract language code (e.g. tgk, uzb_cyrl): name the file like Tesseract's own, e.g. tgk.traineddata.`,
    );
  }
  const problem = traineddataProblem(bytes);
  if (problem) {
    throw new AppError(
      'invalid_input',
      `This file is not Tesseract language data (${problem}). Use a .traineddata file from tesseract-ocr/tessdata or your system's Tesseract.`,
    );
  }
  const dir = path.join(dataDir, WORKSPACE_LANGUAGES);
  ensurePrivateDir(dir);
  const file = path.join(dir, `${code}.traineddata`);
  writePrivateFile(`${file}.tmp`, bytes);
  renameSync(`${file}.tmp`, file);
}

export const ocrHandlers: HandlerGroup = {
  'ocr.languages': ({ db, dataDir }) => languages(db, dataDir),
  'ocr.setDefaults': ({ db, dataDir }, input) => {
    const available = new Set(availableLanguages(dataDir).map((l) => l.code));
    const missing = input.languages.filter((code) => !available.has(code));
    if (missing.length > 0) {
      throw new AppError(
        'invalid_input',
        `OCR language${missing.length === 1 ? '' : 's'} ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not installed here.`,
      );
    }
    setDefaultOcrLanguages(db, input.languages);
    return languages(db, dataDir);
  },
  'ocr.addLanguage': ({ db, dataDir }, { code, bytes }) => {
    addLanguage(dataDir, code, bytes);
    return languages(db, dataDir);
  },
  'ocr.rerun': ({ db, dataDir }, { id, languages, password, job }) =>
    rerunOcr(db, id, {
      languages: languages ?? defaultOcrLanguages(db),
      dataDir,
      ...(password ? { password } : {}),
      ...(job ? { job } : {}),
    }),
  'jobs.progress': (_ctx, { job }) => jobProgress(job),
  'jobs.cancel': (_ctx, { job }) => ({ cancelled: cancelJob(job) }),
};

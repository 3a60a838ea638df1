import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { failureOf, rpcOf } from '../test/rpc';
import { tempBackend } from '../test/workspace';
import { writePdf } from '../test/pdf-writer';
import { bundledEnglish, findLanguage, systemTessdataDirs, traineddataProblem } from './languages';

/** A minimal well-formed table of contents: 3 entries, one absent, two inside the file. */
function fakeTraineddata(): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(64);
  const view = new DataView(bytes.buffer);
  view.setInt32(0, 3, true);
  view.setBigInt64(4, 40n, true);
  view.setBigInt64(12, -1n, true);
  view.setBigInt64(20, 50n, true);
  return bytes;
}

const systemRus = systemTessdataDirs()
  .map((d) => path.join(d, 'rus.traineddata'))
  .find((f) => existsSync(f));

describe('OCR language data', () => {
  it('English ships with the app and is Tesseract data', () => {
    const eng = bundledEnglish();
    expect(eng).not.toBeNull();
    expect(traineddataProblem(readFileSync(eng!))).toBeNull();
    expect(findLanguage('eng', null)).toMatchObject({ origin: 'bundled' });
  });

  it.skipIf(!systemRus)(
    'finds system languages (Debian tesseract-ocr-rus) and accepts them',
    () => {
      if (!systemRus)
        return console.log('skipped: no system rus.traineddata (apt install tesseract-ocr-rus)');
      expect(findLanguage('rus', null)).toEqual({ code: 'rus', file: systemRus, origin: 'system' });
      expect(traineddataProblem(readFileSync(systemRus))).toBeNull();
    },
  );

  it('tells Tesseract data from other files', () => {
    expect(traineddataProblem(fakeTraineddata())).toBeNull();
    expect(traineddataProblem(gzipSync(fakeTraineddata()))).toBeNull();
    expect(traineddataProblem(writePdf({ pages: 1 }))).toMatch(/table of contents/);
    expect(traineddataProblem(new Uint8Array(8))).toMatch(/too short/);
    expect(traineddataProblem(new Uint8Array([0x1f, 0x8b, 1, 2, 3]))).toMatch(/gzip/);
    const pointsOut = fakeTraineddata();
    new DataView(pointsOut.buffer).setBigInt64(20, 5000n, true);
    expect(traineddataProblem(pointsOut)).toMatch(/outside the file/);
    expect(findLanguage('../../etc/passwd', null)).toBeNull();
  });

  it('a language added to the workspace is checked, stored there and preferred; a bad one changes nothing', async () => {
    const backend = tempBackend();
    const rpc = rpcOf(backend);
    const before = await rpc('ocr.languages', {});
    expect(before.defaults).toEqual(['eng']);
    expect(before.available).toContainEqual({ code: 'eng', origin: 'bundled' });

    const notData = await failureOf(backend, 'ocr.addLanguage', {
      code: 'tgk',
      bytes: new Uint8Array(writePdf({ pages: 1 })),
    });
    expect(notData).toMatchObject({ code: 'invalid_input' });
    expect(notData.message).toMatch(/^This file is not Tesseract language data/);
    const badCode = await failureOf(backend, 'ocr.addLanguage', {
      code: 'x/y',
      bytes: fakeTraineddata(),
    });
    expect(badCode.message).toMatch(/not a Tesseract language code/);
    expect(existsSync(path.join(backend.dataDir, 'ocr-languages'))).toBe(false);

    const after = await rpc('ocr.addLanguage', { code: 'zzz', bytes: fakeTraineddata() });
    expect(after.available).toContainEqual({ code: 'zzz', origin: 'workspace' });
    expect(readdirSync(path.join(backend.dataDir, 'ocr-languages'))).toEqual(['zzz.traineddata']);
    expect(findLanguage('zzz', backend.dataDir)).toMatchObject({ origin: 'workspace' });

    const defaults = await rpc('ocr.setDefaults', { languages: 'zzz+eng' as never });
    expect(defaults.defaults).toEqual(['zzz', 'eng']);
    const missing = await failureOf(backend, 'ocr.setDefaults', { languages: 'qqq' as never });
    expect(missing.message).toMatch(/qqq is not installed/);
    expect((await rpc('ocr.languages', {})).defaults).toEqual(['zzz', 'eng']);
  });
});

import { describe, expect, it } from 'vitest';
import { parseLanguages, describeJob } from '../../shared/ocr';
import { textProblem } from './detect';

describe('textProblem (is a page text layer usable?)', () => {
  it('takes ordinary text in any script as text', () => {
    const english =
      'On 7 November 2018 a riot in the Khujand prison reportedly left at least 27 people dead.';
    const russian =
      'Местные источники сообщили о беспорядках в колонии строгого режима в Худжанде.';
    const tajik =
      'Дар колонияи Хуҷанд шӯриш рух дод ва манбаъҳои маҳаллӣ дар бораи он хабар доданд.';
    for (const text of [english, russian, tajik]) expect(textProblem(text)).toBeNull();
  });

  it('finds no text, a few stray characters, and garbage', () => {
    expect(textProblem('')).toBe('none');
    expect(textProblem('  \n ')).toBe('none');
    expect(textProblem('12 / Stamp')).toBe('few');
    // a font without a character map: private use code points
    expect(textProblem('\uE000\uE001\uE002 '.repeat(20))).toBe('garbage');
    expect(textProblem('\uFFFD\uFFFD ab '.repeat(20))).toBe('garbage');
    // shifted encodings: scripts mixed inside words, words without vowels
    expect(textProblem('Рrоtеst Сity Nеws Тоdаy Ноmе Раgе '.repeat(4))).toBe('garbage');
    expect(textProblem('xkcdq bcdfghj tsrqpn vbnmk lkjhg qwrtp '.repeat(3))).toBe('garbage');
  });
});

describe('parseLanguages and describeJob', () => {
  it('accept Tesseract codes joined by + and say what is wrong otherwise', () => {
    expect(parseLanguages('eng+rus')).toEqual({ languages: ['eng', 'rus'] });
    expect(parseLanguages(' TGK + rus + tgk ')).toEqual({ languages: ['tgk', 'rus'] });
    expect(parseLanguages('uzb_cyrl')).toEqual({ languages: ['uzb_cyrl'] });
    expect(parseLanguages('')).toEqual({ problem: 'No OCR language given (e.g. eng+rus).' });
    expect(parseLanguages('english')).toMatchObject({
      problem: expect.stringContaining('"english"'),
    });
    expect(parseLanguages('../etc/passwd')).toHaveProperty('problem');
    expect(parseLanguages('eng+rus+tgk+uzb+kaz+kir+ara')).toHaveProperty('problem');
  });

  it('words progress as the import panel and the CLI show it', () => {
    expect(describeJob({ stage: 'ocr', done: 2, pages: 41 })).toBe('OCR page 3 of 41');
    expect(describeJob({ stage: 'ocr', done: 41, pages: 41 })).toBe('OCR finished (41 pages)');
    expect(describeJob({ stage: 'reading', done: 0, pages: 0 })).toBe('');
  });
});

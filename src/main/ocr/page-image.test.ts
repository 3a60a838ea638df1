import { describe, expect, it } from 'vitest';
import type { OcrWord } from '../../shared/ocr';
import {
  drawnImages,
  invert,
  multiply,
  renderDpi,
  rgbaToPgm,
  scanDpi,
  type ImageOps,
} from './page-image';
import { pageWords } from './words';

const OPS: ImageOps = {
  save: 10,
  restore: 11,
  transform: 12,
  paintImageXObject: 85,
  paintInlineImageXObject: 86,
  paintImageMaskXObject: 83,
};

describe('scan geometry', () => {
  it('follows save/restore/transform to the images a page draws and the resolution of the scan', () => {
    // a US Letter page holding a 1700 × 2200 pixel scan (200 dpi), drawn at a 1-point offset
    const images = drawnImages(
      [
        OPS.save,
        OPS.transform,
        OPS.transform,
        OPS.paintImageXObject,
        OPS.restore,
        OPS.paintImageMaskXObject,
      ],
      [
        null,
        [1, 0, 0, 1, 1, 1],
        [612, 0, 0, 792, 0, 0],
        ['img_p0_1', 1700, 2200],
        null,
        [{ width: 10, height: 10 }],
      ],
      OPS,
    );
    expect(images).toHaveLength(2);
    expect(images[0]!.ctm).toEqual([612, 0, 0, 792, 1, 1]);
    expect(images[1]!.ctm).toEqual([1, 0, 0, 1, 0, 0]); // after restore
    expect(scanDpi(images, 612 * 792)).toBeCloseTo(200, 5);
    // a small picture on a page is not a scan
    expect(scanDpi([images[1]!], 612 * 792)).toBeNull();
  });

  it('draws pages at the scan resolution within bounds, shrinks absurd pages and gives up on the hopeless', () => {
    expect(renderDpi(612, 792, null)).toBe(300);
    expect(renderDpi(612, 792, 200)).toBe(200);
    expect(renderDpi(612, 792, 96)).toBe(200);
    expect(renderDpi(612, 792, 1200)).toBe(400);
    // a 50 × 50 inch poster: fewer dots per inch, a bounded number of pixels
    const poster = renderDpi(3600, 3600, 300)!;
    expect(poster).toBeLessThan(300);
    expect((poster * 50) ** 2).toBeLessThanOrEqual(40_000_000);
    // PDF's largest page (200 × 200 inches): text would be a few pixels high
    expect(renderDpi(14_400, 14_400, 300)).toBeNull();
  });

  it('turns RGBA into a grey PGM that Tesseract reads, transparent as white paper', () => {
    const pgm = rgbaToPgm(
      new Uint8ClampedArray([0, 0, 0, 255, 255, 255, 255, 255, 10, 10, 10, 0]),
      3,
      1,
    );
    const header = 'P5\n3 1\n255\n';
    expect(new TextDecoder().decode(pgm.subarray(0, header.length))).toBe(header);
    expect([...pgm.subarray(header.length)]).toEqual([0, 255, 255]);
  });

  it('inverts and multiplies matrices as pdf.js does', () => {
    const m = [2, 0.5, -0.3, 1.5, 10, 20];
    const id = multiply(m, invert(m));
    [1, 0, 0, 1, 0, 0].forEach((v, i) => expect(id[i]).toBeCloseTo(v, 10));
  });
});

describe('pageWords (recognised pixels → text items and lines)', () => {
  // a Letter page drawn at 200 dpi: pdf.js's viewport flips y and scales by 200/72
  const scale = 200 / 72;
  const viewport = [scale, 0, 0, -scale, 0, 792 * scale];
  const recognised = {
    paragraphs: [
      [
        {
          x0: 200,
          y0: 300,
          x1: 700,
          y1: 340,
          baseline: { x0: 200, y0: 332, x1: 700, y1: 332 },
          words: [
            { text: 'Prison', x0: 200, y0: 300, x1: 330, y1: 332, confidence: 96 },
            { text: 'riot', x0: 350, y0: 302, x1: 440, y1: 340, confidence: 41 },
          ],
        },
      ],
    ],
  };

  it('places each word on the page in PDF points (px × 72 / dpi) with its confidence', () => {
    const { words, lines } = pageWords(recognised, viewport, scale, 792 * scale);
    expect(words.map((w) => [w.str, w.eol, w.confidence])).toEqual([
      ['Prison', false, 96],
      ['riot', true, 41],
    ]);
    const first = words[0] as OcrWord;
    // baseline-left corner in user space: x = 200 px → 72 pt, y = 792 − 332 × 72/200
    expect(first.transform[4]).toBeCloseTo(72, 1);
    expect(first.transform[5]).toBeCloseTo(792 - 332 / scale, 1);
    expect(first.width).toBeCloseTo(130 / scale, 1);
    // the viewport maps the item's origin back onto the word's baseline in the picture
    const back = multiply(viewport, first.transform);
    expect(back[4]).toBeCloseTo(200, 0);
    expect(back[5]).toBeCloseTo(332, 0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ text: 'Prison riot', sources: [0, 0, 6, 1, 7, 11] });
  });
});

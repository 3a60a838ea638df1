/**
 * Scanned PDFs for the OCR tests, made here: pages of the sample corpus drawn by Poppler's
 * `pdftoppm` into grey pictures (optionally turned a little and speckled, as a scanner does), or
 * text drawn by @napi-rs/canvas in a system font, wrapped as image-only PDFs. Nothing is copied
 * from the corpus into the project.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

export interface GreyImage {
  width: number;
  height: number;
  /** one byte a pixel, rows top to bottom */
  pixels: Uint8Array;
  dpi: number;
}

export const corpusDir =
  process.env.CLAIMDESK_CORPUS ?? path.resolve(process.cwd(), '../shared/corpus');

export function hasCommand(command: string): boolean {
  try {
    execFileSync(command, ['-v'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    // pdftoppm -v exits 0, tesseract -v too; "not found" is ENOENT
    return (error as { code?: string }).code !== 'ENOENT';
  }
}

/** Page `page` (1-based) of a PDF as a grey picture, drawn by pdftoppm. */
export function rasterise(pdfFile: string, page: number, dpi: number): GreyImage {
  const dir = mkdtempSync(path.join(tmpdir(), 'claimdesk-scan-'));
  try {
    const out = path.join(dir, 'p');
    execFileSync('pdftoppm', [
      '-gray',
      '-r',
      String(dpi),
      '-f',
      String(page),
      '-l',
      String(page),
      '-singlefile',
      pdfFile,
      out,
    ]);
    return { ...parsePgm(readFileSync(`${out}.pgm`)), dpi };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function parsePgm(file: Uint8Array): Omit<GreyImage, 'dpi'> {
  const head = Buffer.from(file.subarray(0, 64)).toString('latin1');
  const m = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(head);
  if (!m) throw new Error('not a binary 8-bit PGM');
  const width = Number(m[1]);
  const height = Number(m[2]);
  return { width, height, pixels: file.subarray(m[0].length, m[0].length + width * height) };
}

/** A scanner's faults: the page turned by `degrees` and speckled with `noise` of its pixels. */
export function scanLike(image: GreyImage, degrees: number, noise: number, seed = 7): GreyImage {
  const { width, height, pixels } = image;
  const out = new Uint8Array(width * height).fill(255);
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cx = width / 2;
  const cy = height / 2;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sx = Math.round(cos * (x - cx) + sin * (y - cy) + cx);
      const sy = Math.round(-sin * (x - cx) + cos * (y - cy) + cy);
      if (sx >= 0 && sy >= 0 && sx < width && sy < height)
        out[y * width + x] = pixels[sy * width + sx]!;
    }
  }
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  for (let i = 0; i < out.length * noise; i++) {
    const at = Math.floor(random() * out.length);
    out[at] = random() < 0.5 ? 0 : 255;
  }
  return { ...image, pixels: out };
}

/** Lines of text drawn in DejaVu Sans (any script it covers), as a scan at `dpi`. */
export async function drawText(lines: readonly string[], dpi: number): Promise<GreyImage | null> {
  const font = [
    '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
    '/usr/share/fonts/TTF/DejaVuSans.ttf',
  ].find(existsSync);
  if (!font) return null;
  const { createCanvas, GlobalFonts } = await import('@napi-rs/canvas');
  GlobalFonts.registerFromPath(font, 'ScanTestSans');
  const px = (pt: number) => Math.round((pt * dpi) / 72);
  const width = px(612);
  const height = px(792);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000';
  ctx.font = `${px(12)}px ScanTestSans`;
  lines.forEach((line, i) => ctx.fillText(line, px(72), px(96 + i * 18)));
  const rgba = ctx.getImageData(0, 0, width, height).data;
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < pixels.length; i++) pixels[i] = rgba[i * 4]!;
  return { width, height, pixels, dpi };
}

/** A page of plain text (Helvetica, one line) for mixed documents. */
export interface TextPage {
  text: string;
}

/**
 * Image-only PDF: each picture fills a page of its size at its resolution (or `pageSize`, in
 * points); a TextPage is an ordinary text page, for documents that mix text and scans.
 */
export function imagePdf(
  images: readonly (GreyImage | TextPage)[],
  options: { pageSize?: [number, number] } = {},
): Uint8Array<ArrayBuffer> {
  const chunks: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const write = (part: string | Buffer) => {
    const b = typeof part === 'string' ? Buffer.from(part, 'latin1') : part;
    chunks.push(b);
    length += b.length;
  };
  const object = (n: number, body: string, stream?: Buffer) => {
    offsets[n] = length;
    write(`${n} 0 obj\n${body}\n`);
    if (stream) {
      write('stream\n');
      write(stream);
      write('\nendstream\n');
    }
    write('endobj\n');
  };
  write('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
  const kids = images.map((_, i) => `${3 + i * 3} 0 R`).join(' ');
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, `<< /Type /Pages /Kids [${kids}] /Count ${images.length} >>`);
  images.forEach((image, i) => {
    const n = 3 + i * 3;
    if ('text' in image) {
      const content = Buffer.from(
        `BT /F1 12 Tf 72 720 Td (${image.text.replace(/[()\\]/g, '\\$&')}) Tj ET`,
        'latin1',
      );
      object(
        n,
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${n + 2} 0 R >> >> /Contents ${n + 1} 0 R >>`,
      );
      object(n + 1, `<< /Length ${content.length} >>`, content);
      object(
        n + 2,
        '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
      );
      return;
    }
    const [w, h] = options.pageSize ?? [
      (image.width * 72) / image.dpi,
      (image.height * 72) / image.dpi,
    ];
    const content = Buffer.from(`q ${w.toFixed(2)} 0 0 ${h.toFixed(2)} 0 0 cm /Im0 Do Q`, 'latin1');
    const data = deflateSync(image.pixels);
    object(
      n,
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w.toFixed(2)} ${h.toFixed(2)}] /Resources << /XObject << /Im0 ${n + 2} 0 R >> >> /Contents ${n + 1} 0 R >>`,
    );
    object(n + 1, `<< /Length ${content.length} >>`, content);
    object(
      n + 2,
      `<< /Type /XObject /Subtype /Image /Width ${image.width} /Height ${image.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${data.length} >>`,
      data,
    );
  });
  const count = 3 + images.length * 3;
  const xref = length;
  write(`xref\n0 ${count}\n0000000000 65535 f \n`);
  for (let n = 1; n < count; n++) write(`${String(offsets[n]).padStart(10, '0')} 00000 n \n`);
  write(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Uint8Array.from(Buffer.concat(chunks));
}

/** Words of a text, for accuracy: letters and digits only, lower case. */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter(Boolean);
}

/** Share of the reference's words found, in order, in the recognised words (LCS over words). */
export function wordAccuracy(reference: readonly string[], recognised: readonly string[]): number {
  if (reference.length === 0) return 1;
  let prev = new Uint32Array(recognised.length + 1);
  for (const word of reference) {
    const row = new Uint32Array(recognised.length + 1);
    for (let j = 1; j <= recognised.length; j++) {
      row[j] = word === recognised[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, row[j - 1]!);
    }
    prev = row;
  }
  return prev[recognised.length]! / reference.length;
}

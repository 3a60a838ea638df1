// A minimal PDF writer for the benchmarks' generated inputs: pages of text (Helvetica, not
// embedded) and/or one grey image each. The tests' writer is TypeScript (src/main/test/pdf-writer.ts);
// the benchmarks run plain JavaScript against the built app, so they have their own.
import { deflateSync } from 'node:zlib';

/**
 * @param pages {{ lines?: string[], image?: { width: number, height: number, dpi: number,
 *   pixels: Uint8Array, compress?: boolean } }[]}
 * A page with an image is the image's size; a page of text only is A4.
 */
export function writePdf(pages) {
  const chunks = [];
  const offsets = [];
  let length = 0;
  const write = (part) => {
    const b = typeof part === 'string' ? Buffer.from(part, 'latin1') : part;
    chunks.push(b);
    length += b.length;
  };
  const object = (n, body, stream) => {
    offsets[n] = length;
    write(`${n} 0 obj\n${body}\n`);
    if (stream)
      write(Buffer.concat([Buffer.from('stream\n'), stream, Buffer.from('\nendstream\n')]));
    write('endobj\n');
  };
  write('%PDF-1.4\n');
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  // 3: the font; then three objects a page: page, content, image (unused without one)
  const pageObject = (i) => 4 + i * 3;
  object(
    2,
    `<< /Type /Pages /Kids [${pages.map((_, i) => `${pageObject(i)} 0 R`).join(' ')}] /Count ${pages.length} >>`,
  );
  object(3, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  pages.forEach((page, i) => {
    const n = pageObject(i);
    const im = page.image;
    const [w, h] = im ? [(im.width * 72) / im.dpi, (im.height * 72) / im.dpi] : [595.28, 841.89];
    let content = '';
    if (im) content += `q ${w.toFixed(2)} 0 0 ${h.toFixed(2)} 0 0 cm /Im0 Do Q\n`;
    if (page.lines?.length) {
      const escape = (s) => s.replace(/[\\()]/g, (c) => `\\${c}`);
      content += `BT /F1 10 Tf 14 TL 56 ${(h - 60).toFixed(2)} Td\n`;
      content += page.lines.map((line) => `(${escape(line)}) Tj T*`).join('\n');
      content += '\nET\n';
    }
    const resources = ['/Font << /F1 3 0 R >>', im ? `/XObject << /Im0 ${n + 2} 0 R >>` : ''].join(
      ' ',
    );
    object(
      n,
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w.toFixed(2)} ${h.toFixed(2)}] /Resources << ${resources} >> /Contents ${n + 1} 0 R >>`,
    );
    const stream = Buffer.from(content, 'latin1');
    object(n + 1, `<< /Length ${stream.length} >>`, stream);
    if (im) {
      const compress = im.compress ?? true;
      const data = compress ? deflateSync(im.pixels) : Buffer.from(im.pixels);
      object(
        n + 2,
        `<< /Type /XObject /Subtype /Image /Width ${im.width} /Height ${im.height} /ColorSpace /DeviceGray /BitsPerComponent 8${compress ? ' /Filter /FlateDecode' : ''} /Length ${data.length} >>`,
        data,
      );
    } else object(n + 2, 'null');
  });
  const count = 4 + pages.length * 3;
  const xref = length;
  write(`xref\n0 ${count}\n0000000000 65535 f \n`);
  for (let n = 1; n < count; n++) write(`${String(offsets[n]).padStart(10, '0')} 00000 n \n`);
  write(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return new Uint8Array(Buffer.concat(chunks));
}

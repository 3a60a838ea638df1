/**
 * A tiny, correct PDF writer for tests: N pages that all share one font and one content stream, so
 * a 5,000-page file stays a few hundred kilobytes; or, with `pageTexts`, one page per text, each
 * with its own stream (a passage can then be found on one page and not the other). The
 * cross-reference table has exact offsets, so pdf.js reads the file without repairing it.
 */
export function writePdf(
  options:
    | { pages: number; text?: string; title?: string }
    /** ASCII: one text per page */
    | { pageTexts: string[]; title?: string },
): Uint8Array {
  const stream = (text: string) => {
    const content = `BT /F1 12 Tf 72 720 Td (${text.replace(/[()\\]/g, '\\$&')}) Tj ET`;
    return `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
  };
  const texts =
    'pageTexts' in options ? options.pageTexts : [options.text ?? 'Page text for the limits test.'];
  const pages = 'pageTexts' in options ? options.pageTexts.length : options.pages;
  const objects: string[] = [];
  // 1 catalog, 2 page tree, 3 font, 4.. contents (one, or one a page), then the pages
  const firstPage = 4 + texts.length;
  const kids = Array.from({ length: pages }, (_, i) => `${firstPage + i} 0 R`).join(' ');
  objects.push('<< /Type /Catalog /Pages 2 0 R >>');
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`);
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  for (const text of texts) objects.push(stream(text));
  for (let i = 0; i < pages; i++) {
    const contents = 4 + (texts.length === 1 ? 0 : i);
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${contents} 0 R >>`,
    );
  }
  // the Title as a UTF-16BE hex string, so any character (bidi marks, controls) can be written
  let info = '';
  if (options.title !== undefined) {
    const hex = [...options.title]
      .flatMap((ch) => {
        const units = ch.length === 2 ? [ch.charCodeAt(0), ch.charCodeAt(1)] : [ch.charCodeAt(0)];
        return units.map((u) => u.toString(16).padStart(4, '0'));
      })
      .join('');
    objects.push(`<< /Title <FEFF${hex}> >>`);
    info = ` /Info ${objects.length} 0 R`;
  }
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${info} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out); // ASCII only, so string offsets are byte offsets
}

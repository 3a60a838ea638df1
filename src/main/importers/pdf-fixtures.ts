/**
 * Hand-made PDFs for the PDF importer's tests: no binary fixtures in the repository. Test code
 * only (imported by *.test.ts).
 */
/** A PDF literal string. */
export const pdfString = (s: string) => `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;

/** A minimal valid PDF (Helvetica as /F1, Courier as /F2) with correct xref offsets. */
export function makePdf(
  pages: string[],
  extra: { info?: Record<string, string>; lang?: string } = {},
): Uint8Array<ArrayBuffer> {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body); // returns the new object's number
  const catalog = add('');
  const pageTree = add('');
  const helvetica = add(
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  );
  const courier = add(
    '<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>',
  );
  const kids = pages.map((content) => {
    const stream = add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    const fonts = `/Font << /F1 ${helvetica} 0 R /F2 ${courier} 0 R >>`;
    return add(
      `<< /Type /Page /Parent ${pageTree} 0 R /MediaBox [0 0 612 792] /Resources << ${fonts} >> /Contents ${stream} 0 R >>`,
    );
  });
  const lang = extra.lang ? ` /Lang ${pdfString(extra.lang)}` : '';
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pageTree} 0 R${lang} >>`;
  objects[pageTree - 1] =
    `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const entries = Object.entries(extra.info ?? {}).map(
    ([key, value]) => `/${key} ${pdfString(value)}`,
  );
  const info = entries.length ? add(`<< ${entries.join(' ')} >>`) : 0;

  let out = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${info ? ` /Info ${info} 0 R` : ''} >>\n`;
  out += `startxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

export const show = (font: 'F1' | 'F2', size: number, x: number, y: number, text: string) =>
  `BT /${font} ${size} Tf ${x} ${y} Td ${pdfString(text)} Tj ET`;

/**
 * Greedy line filling for Courier (every glyph 0.6 em wide), breaking words after a hyphen or at
 * a soft hyphen marked "~" (shown as "-") when the whole word does not fit, like a typesetter.
 */
export function wrap(paragraph: string, width: number): string[] {
  const clean = (s: string) => s.replace(/~/g, '');
  const lines: string[] = [];
  let line = '';
  for (let word of paragraph.split(' ')) {
    for (;;) {
      const joined = line ? `${line} ${clean(word)}` : clean(word);
      if (joined.length <= width) {
        line = joined;
        break;
      }
      // the word does not fit: break it at the last hyphen point whose head fits
      const room = width - (line ? line.length + 1 : 0);
      let split = -1;
      for (let i = 1; i < word.length; i++) {
        if ((word[i] === '-' || word[i] === '~') && clean(word.slice(0, i)).length + 1 <= room)
          split = i;
      }
      if (split > 0) {
        lines.push(`${line ? `${line} ` : ''}${clean(word.slice(0, split))}-`);
        word = word.slice(split + 1);
        line = '';
      } else if (line) {
        lines.push(line);
        line = '';
      } else {
        line = clean(word); // longer than a line: let it overflow
        break;
      }
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Courier 10 pt body text on US Letter pages, with a running header and "Page n of N" footer. */
export function typeset(
  paragraphs: string[],
  { width = 48, linesPerPage = 7, heading = '' } = {},
): { pdf: Uint8Array<ArrayBuffer>; lines: string[][] } {
  const slots: string[] = []; // '' = the blank line between paragraphs
  paragraphs.forEach((p, i) => slots.push(...(i ? [''] : []), ...wrap(p, width)));
  const pages: string[][] = [];
  for (const slot of slots) {
    if (!pages.length || pages[pages.length - 1]!.length === linesPerPage) pages.push([]);
    const page = pages[pages.length - 1]!;
    if (slot || page.length) page.push(slot);
  }
  const streams = pages.map((lines, n) =>
    [
      show('F2', 10, 72, 750, 'Claimdesk Test Report'),
      ...(n === 0 && heading ? [show('F1', 18, 72, 715, heading)] : []),
      ...lines.map((line, i) => (line ? show('F2', 10, 72, 690 - 12 * i, line) : '')),
      show('F2', 10, 280, 40, `Page ${n + 1} of ${pages.length}`),
    ].join('\n'),
  );
  return { pdf: makePdf(streams), lines: pages };
}

/** Body text with soft hyphens (~), a real hyphen at a line end and a paragraph over a page break. */
export const PARAGRAPHS = [
  'The report describes the rise of violent extrem~ism in the region and how police react to ISIS-affiliated groups that recruited labour migrants between 2014 and 2019 in several provinces.',
  'Officials call their counter-terrorism policy preventive. Critics argue that the same measures restrict religious practice and the work of non-governmental groups and that they fuel radicali~zation among young men rather than reduce it, especially among those who return from Russia and find no work at home.',
  'Short closing paragraph.',
  'A last paragraph follows the short one, so that the text on this page begins with a full line again.',
];

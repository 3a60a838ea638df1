import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { Evidence, ExportModel } from './index';
import type { Block, Inline, ListBlock } from './ir';

/**
 * Word (OOXML) with real footnotes: each embedded claim is its quote followed by a footnote whose
 * text is the citation, so Word, LibreOffice and Pandoc number and place them. Ordered lists get
 * their own numbering instance each, so every list starts at its own number.
 */
export async function writeDocx(model: ExportModel): Promise<Uint8Array> {
  const numbered: { reference: string; start: number }[] = [];
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(model.title)] }),
  ];
  for (const block of model.blocks) children.push(...blockDocx(block, numbered));
  if (model.bibliography.length > 0) {
    children.push(heading('Bibliography'));
    for (const entry of model.bibliography) {
      // hanging indent, as bibliographies are set
      children.push(
        new Paragraph({ children: [new TextRun(entry)], indent: { left: 720, hanging: 720 } }),
      );
    }
  }
  if (model.appendix) {
    children.push(heading('Evidence'));
    for (const e of model.appendix) children.push(...evidenceDocx(e));
  }
  const footnotes = Object.fromEntries(
    model.notes.map((n, i) => [
      i + 1,
      {
        children: [
          new Paragraph({
            children: [
              new TextRun(n.citation),
              ...(n.deleted ? [new TextRun({ text: ' (deleted claim)', italics: true })] : []),
            ],
          }),
        ],
      },
    ]),
  );
  const doc = new Document({
    creator: 'Claimdesk',
    title: model.title,
    footnotes,
    numbering: {
      config: numbered.map(({ reference, start }) => ({
        reference,
        levels: [0, 1, 2, 3, 4, 5, 6, 7, 8].map((level) => ({
          level,
          format: LevelFormat.DECIMAL,
          text: `%${level + 1}.`,
          start: level === 0 ? start : 1,
          alignment: AlignmentType.START,
          style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
        })),
      })),
    },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

const heading = (text: string) =>
  new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(text)] });

function evidenceDocx(e: Evidence): Paragraph[] {
  const field = (name: string, value: string) =>
    new Paragraph({
      children: [new TextRun({ text: `${name}: `, bold: true }), new TextRun(value)],
    });
  return [
    new Paragraph({
      heading: HeadingLevel.HEADING_3,
      children: [
        new TextRun(`${e.notes.map((n) => `[${n}]`).join(' ')} ${e.statement}`),
        ...(e.deleted ? [new TextRun({ text: ' (deleted claim)', italics: true })] : []),
      ],
    }),
    new Paragraph({
      indent: { left: 720 },
      children: [new TextRun({ text: e.quote, italics: true })],
    }),
    field('Source', e.source),
    field('Pages', e.pages ?? '—'),
    field('File SHA-256', e.sha256 ?? '— (the document is no longer in the workspace)'),
    field('Claim', e.claimId),
  ];
}

function blockDocx(
  block: Block,
  numbered: { reference: string; start: number }[],
): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'paragraph':
      return [new Paragraph({ children: runs(block.inlines) })];
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[block.level - 1], children: runs(block.inlines) })];
    case 'quote':
      return [
        new Paragraph({ indent: { left: 720 }, children: runs(block.inlines, { italics: true }) }),
      ];
    case 'code':
      return block.text
        .split('\n')
        .map(
          (line) => new Paragraph({ children: [new TextRun({ text: line, font: 'Courier New' })] }),
        );
    case 'rule':
      return [new Paragraph({ thematicBreak: true, children: [] })];
    case 'list':
      return listDocx(block, 0, numbered);
    case 'table': {
      if (block.rows.length === 0) return [];
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: block.rows.map(
            (row) =>
              new TableRow({
                tableHeader: row.header,
                children: row.cells.map(
                  (cell) =>
                    new TableCell({
                      children: [
                        new Paragraph({ children: runs(cell, row.header ? { bold: true } : {}) }),
                      ],
                    }),
                ),
              }),
          ),
        }),
      ];
    }
  }
}

function listDocx(
  list: ListBlock,
  level: number,
  numbered: { reference: string; start: number }[],
  reference?: string,
): Paragraph[] {
  let ref = reference;
  if (list.ordered && (ref === undefined || level === 0)) {
    ref = `list-${numbered.length + 1}`;
    numbered.push({ reference: ref, start: list.start });
  }
  return list.items.flatMap((item) => [
    new Paragraph({
      children: runs(item.inlines),
      ...(list.ordered ? { numbering: { reference: ref!, level } } : { bullet: { level } }),
    }),
    ...item.lists.flatMap((nested) =>
      listDocx(nested, Math.min(level + 1, 8), numbered, nested.ordered ? ref : undefined),
    ),
  ]);
}

interface Base {
  bold?: boolean;
  italics?: boolean;
}

function runs(inlines: Inline[], base: Base = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const r of inlines) {
    switch (r.kind) {
      case 'text':
        out.push(
          new TextRun({
            text: r.text,
            bold: base.bold || r.style.bold,
            italics: base.italics || r.style.italic,
            underline: r.style.underline ? {} : undefined,
            strike: r.style.strike,
            superScript: r.style.sup,
            subScript: r.style.sub,
            ...(r.style.code ? { font: 'Courier New' } : {}),
          }),
        );
        break;
      case 'mention':
        out.push(new TextRun({ text: r.text, bold: base.bold, italics: base.italics }));
        break;
      case 'break':
        out.push(new TextRun({ break: 1 }));
        break;
      case 'link':
        out.push(
          new ExternalHyperlink({
            link: r.url,
            children: runs(r.children, base).filter((c): c is TextRun => c instanceof TextRun),
          }),
        );
        break;
      case 'claim':
        out.push(new TextRun({ text: `“${r.quote}”`, bold: base.bold, italics: base.italics }));
        out.push(new FootnoteReferenceRun(r.note));
        break;
    }
  }
  return out;
}

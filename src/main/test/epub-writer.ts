/**
 * Builds small EPUB files for tests (EPUB 3 with a nav document, or EPUB 2 with an NCX), from
 * chapters of XHTML body markup. The text is made up for the tests.
 */
import JSZip from 'jszip';

export interface EpubChapter {
  /** file name inside OEBPS/ */
  file: string;
  /** the label in the table of contents; absent: the chapter is not listed */
  label?: string;
  /** nesting depth in the table of contents (1 = top) */
  depth?: number;
  body: string;
}

export interface EpubSpec {
  version?: 2 | 3;
  /** the <metadata> children, as XML */
  metadata?: string;
  chapters: EpubChapter[];
  /** extra entries, by name (META-INF/encryption.xml, images…) */
  extra?: Record<string, string | Uint8Array>;
  /** spine order by chapter file, when it differs from the chapters' order */
  spine?: string[];
}

const xhtml = (title: string, body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n` +
  `<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">` +
  `<head><title>${title}</title><link rel="stylesheet" href="style.css"/></head>` +
  `<body>${body}</body></html>`;

function navList(chapters: EpubChapter[]): string {
  let out = '<ol>';
  let depth = 1;
  let open = false;
  for (const c of chapters.filter((c) => c.label)) {
    const d = c.depth ?? 1;
    while (depth < d) {
      out += '<ol>';
      depth++;
      open = false;
    }
    while (depth > d) {
      out += '</li></ol>';
      depth--;
    }
    if (open) out += '</li>';
    out += `<li><a href="${c.file}">${c.label}</a>`;
    open = true;
  }
  while (depth > 1) {
    out += '</li></ol>';
    depth--;
  }
  return out + (open ? '</li>' : '') + '</ol>';
}

function ncx(chapters: EpubChapter[]): string {
  const points = chapters
    .filter((c) => c.label)
    .map(
      (c, i) =>
        `<navPoint id="p${i}" playOrder="${i + 1}"><navLabel><text>${c.label}</text></navLabel>` +
        `<content src="${c.file}"/></navPoint>`,
    )
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" ` +
    `version="2005-1"><head/><docTitle><text>t</text></docTitle><navMap>${points}</navMap></ncx>`
  );
}

export async function makeEpub(spec: EpubSpec): Promise<Uint8Array> {
  const version = spec.version ?? 3;
  const zip = new JSZip();
  // the mimetype entry comes first and is stored, as the OCF container requires
  zip.file('mimetype', 'application/epub+zip', { compression: 'STORE' });
  zip.file(
    'META-INF/container.xml',
    '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">' +
      '<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>' +
      '</rootfiles></container>',
  );
  const items = spec.chapters.map(
    (c, i) => `<item id="c${i}" href="${c.file}" media-type="application/xhtml+xml"/>`,
  );
  const order = spec.spine ?? spec.chapters.map((c) => c.file);
  const refs = order.map(
    (file) => `<itemref idref="c${spec.chapters.findIndex((c) => c.file === file)}"/>`,
  );
  if (version === 3) {
    items.push(
      '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
    );
    zip.file(
      'OEBPS/nav.xhtml',
      xhtml('Contents', `<nav epub:type="toc"><h1>Contents</h1>${navList(spec.chapters)}</nav>`),
    );
  } else {
    items.push('<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>');
    zip.file('OEBPS/toc.ncx', ncx(spec.chapters));
  }
  items.push('<item id="css" href="style.css" media-type="text/css"/>');
  zip.file('OEBPS/style.css', 'body { margin: 0 }');
  zip.file(
    'OEBPS/content.opf',
    `<?xml version="1.0" encoding="UTF-8"?>` +
      `<package xmlns="http://www.idpf.org/2007/opf" version="${version}.0" unique-identifier="uid">` +
      `<metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">` +
      `${spec.metadata ?? '<dc:title>Untitled test book</dc:title>'}</metadata>` +
      `<manifest>${items.join('')}</manifest>` +
      `<spine${version === 2 ? ' toc="ncx"' : ''}>${refs.join('')}</spine></package>`,
  );
  for (const c of spec.chapters) zip.file(`OEBPS/${c.file}`, xhtml(c.label ?? c.file, c.body));
  for (const [name, content] of Object.entries(spec.extra ?? {})) zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

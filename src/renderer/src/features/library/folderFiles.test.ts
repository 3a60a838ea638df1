import { describe, expect, it } from 'vitest';
import { supportedFiles } from './folderFiles';

describe('supportedFiles', () => {
  it('keeps known extensions case-insensitively and skips dotfiles and others', () => {
    const names = [
      'a.txt',
      'B.PDF',
      'c.Markdown',
      'd.xhtml',
      'e.docx',
      '.hidden.md',
      '.DS_Store',
      'notes.xyz',
      'archive.pdf.zip',
      'page.htm',
    ];
    expect(supportedFiles(names.map((name) => ({ name }))).map((f) => f.name)).toEqual([
      'a.txt',
      'B.PDF',
      'c.Markdown',
      'd.xhtml',
      'e.docx',
      'page.htm',
    ]);
  });

  it('skips files inside hidden folders', () => {
    const files = [
      { name: 'a.md', webkitRelativePath: 'notes/a.md' },
      { name: 'b.md', webkitRelativePath: 'notes/.git/b.md' },
      { name: 'c.md', webkitRelativePath: '' },
    ];
    expect(supportedFiles(files).map((f) => f.name)).toEqual(['a.md', 'c.md']);
  });
});

import { describe, expect, it } from 'vitest';
import type { DocumentMeta } from '../../../../shared/model';
import { formFromMeta, metaChanges, parseAuthors } from './metaForm';

const meta: DocumentMeta = {
  title: 'Prison riot',
  authors: ['A. Author', 'B. Writer'],
  publishedDate: '2018-11',
  publisher: null,
  sourceUrl: null,
  language: 'en',
};

describe('metaForm', () => {
  it('round-trips unchanged metadata to no changes', () => {
    expect(metaChanges(meta, formFromMeta(meta))).toEqual({});
  });

  it('reports only changed fields, trimmed, with emptied optional fields as null', () => {
    const form = {
      ...formFromMeta(meta),
      title: '  New title ',
      publishedDate: ' 2018-11-07',
      language: '',
      sourceUrl: 'https://example.org/a',
    };
    expect(metaChanges(meta, form)).toEqual({
      title: 'New title',
      publishedDate: '2018-11-07',
      language: null,
      sourceUrl: 'https://example.org/a',
    });
  });

  it('reads authors one per line, ignoring blank lines', () => {
    expect(parseAuthors(' A. Author \n\n Smith, J.\r\n')).toEqual(['A. Author', 'Smith, J.']);
    expect(metaChanges(meta, { ...formFromMeta(meta), authors: 'A. Author\nB. Writer\n' })).toEqual(
      {},
    );
    expect(metaChanges(meta, { ...formFromMeta(meta), authors: 'B. Writer' })).toEqual({
      authors: ['B. Writer'],
    });
  });

  it('passes an empty title on so the backend can refuse it', () => {
    expect(metaChanges(meta, { ...formFromMeta(meta), title: '   ' })).toEqual({ title: '' });
  });
});

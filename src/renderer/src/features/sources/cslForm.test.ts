import { describe, expect, it } from 'vitest';
import type { CslItem } from '../../../../shared/csl';
import { cslChanges, formFromCsl } from './cslForm';

const csl: CslItem = {
  type: 'article-journal',
  title: 'Prison riots',
  author: [{ family: 'Roe', given: 'Jane' }, { literal: 'OSCE Office in Tajikistan' }],
  issued: { 'date-parts': [[2019, 3]] },
  DOI: '10.1234/x',
};

describe('source form', () => {
  it('round-trips unchanged fields to no changes', () => {
    expect(cslChanges(csl, formFromCsl(csl))).toEqual({ patch: {}, problems: {} });
  });

  it('reports only what changed: emptied fields as null, creators as names, dates as CSL dates', () => {
    const form = formFromCsl(csl);
    form.DOI = '  ';
    form.publisher = 'Example Press ';
    form.issued = '2019-03-12';
    form.author = [
      { family: 'Roe', given: 'Jane Q.' },
      { family: 'OSCE', given: '' },
      { family: '', given: '' },
    ];
    expect(cslChanges(csl, form)).toEqual({
      patch: {
        DOI: null,
        publisher: 'Example Press',
        issued: { 'date-parts': [[2019, 3, 12]] },
        author: [{ family: 'Roe', given: 'Jane Q.' }, { literal: 'OSCE' }],
      },
      problems: {},
    });
  });

  it('edits editors as a list apart from authors, in the order given', () => {
    const form = formFromCsl({ ...csl, editor: [{ family: 'Doe', given: 'John' }] });
    expect(form.editor).toEqual([{ family: 'Doe', given: 'John' }]);
    form.editor = [{ family: 'Poe', given: 'Ann' }, ...form.editor];
    expect(cslChanges({ ...csl, editor: [{ family: 'Doe', given: 'John' }] }, form).patch).toEqual({
      editor: [
        { family: 'Poe', given: 'Ann' },
        { family: 'Doe', given: 'John' },
      ],
    });
    form.editor = [];
    expect(cslChanges({ ...csl, editor: [{ family: 'Doe' }] }, form).patch).toEqual({
      editor: null,
    });
  });

  it('keeps a bad date from being saved', () => {
    const form = formFromCsl(csl);
    form.issued = 'March';
    expect(cslChanges(csl, form).problems.issued).toMatch(/not a date like 2018/);
  });
});

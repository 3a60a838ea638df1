import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Claim, DocumentContent } from '../../shared/model';
import {
  claimsToUnits,
  contentToUnits,
  mentionsToUnits,
  pageItemsToUnits,
  rangeToUnits,
  snippetToUnits,
  spansToPoints,
} from './offsets';
import { snippetParts } from './features/search/snippet';
import type { MentionInfo } from '../../shared/api-entities';

/**
 * The renderer's edge: what the API gives in code points lands on the same characters of the
 * reader's UTF-16 text, and the reader's selection goes back as the code points the API wants.
 */
const ASTRAL = ['🙂', '👩‍🔬', '𠀀', '𠜎', '𪚥', '𝔸', '𝐀', '𝟘'];
const text = fc
  .array(fc.constantFrom(...ASTRAL, 'a', 'ж', ' ', '\n', 'riot', '.'), {
    minLength: 1,
    maxLength: 200,
  })
  .map((p) => p.join(''));
const textAndRange = text.chain((t) => {
  const n = [...t].length;
  return fc
    .tuple(fc.nat({ max: n - 1 }), fc.nat({ max: n - 1 }))
    .map(([a, b]) => ({ t, from: Math.min(a, b), to: Math.max(a, b) + 1 }));
});
const quote = (t: string, from: number, to: number) => [...t].slice(from, to).join('');

describe('the renderer converts the API’s code points at its edge', () => {
  it('a range in code points becomes the UTF-16 range of the same characters, and back', () => {
    fc.assert(
      fc.property(textAndRange, ({ t, from, to }) => {
        const units = rangeToUnits({ start: from, end: to }, t);
        expect(t.slice(units.start, units.end)).toBe(quote(t, from, to));
        expect(spansToPoints([units], t)).toEqual([{ start: from, end: to }]);
      }),
    );
  });

  it('converts the open document’s structure, claims, mentions and PDF items with its text', () => {
    fc.assert(
      fc.property(textAndRange, ({ t, from, to }) => {
        const points = [...t].length;
        const content: DocumentContent = {
          id: 'doc_00000001' as DocumentContent['id'],
          text: t,
          blocks: [{ type: 'paragraph', start: 0, end: points }],
          marks: [{ type: 'strong', start: from, end: to }],
          pages: [{ index: 0, label: '1', start: 0, end: points }],
        };
        const converted = contentToUnits(content);
        expect(converted.blocks[0]).toMatchObject({ start: 0, end: t.length });
        const mark = converted.marks[0]!;
        expect(t.slice(mark.start, mark.end)).toBe(quote(t, from, to));
        expect(converted.pages[0]!.end).toBe(t.length);

        const anchor = { start: from, end: to, exact: quote(t, from, to), prefix: '', suffix: '' };
        const [claim] = claimsToUnits([{ spans: [anchor] } as Claim], t);
        expect(t.slice(claim!.spans[0]!.start, claim!.spans[0]!.end)).toBe(anchor.exact);
        const [mention] = mentionsToUnits([{ anchor } as MentionInfo], t);
        expect(t.slice(mention!.anchor.start, mention!.anchor.end)).toBe(anchor.exact);

        const [item, none] = pageItemsToUnits([[from, to], null], t);
        expect(t.slice(item![0], item![1])).toBe(anchor.exact);
        expect(none).toBeNull();
      }),
    );
  });

  it('marks a snippet’s highlights on the right characters after an emoji', () => {
    fc.assert(
      fc.property(textAndRange, ({ t, from, to }) => {
        const snippet = {
          text: t,
          highlights: [{ start: from, end: to }],
          truncatedStart: false,
          truncatedEnd: false,
        };
        const shown = snippetToUnits(snippet);
        const marked = snippetParts(shown.text, shown.highlights).filter((p) => p.marked);
        expect(marked.map((p) => p.text).join('')).toBe(quote(t, from, to));
      }),
    );
    // the example a reader sees: the word after the emoji is marked, not the emoji's second half
    const shown = snippetToUnits({
      text: '🙂 riot',
      highlights: [{ start: 2, end: 6 }],
      truncatedStart: false,
      truncatedEnd: false,
    });
    expect(snippetParts(shown.text, shown.highlights)).toEqual([
      { text: '🙂 ', marked: false },
      { text: 'riot', marked: true },
    ]);
  });

  it('leaves text without astral characters untouched (the same objects, nothing copied)', () => {
    const claims = [
      { spans: [{ start: 1, end: 3, exact: 'bc', prefix: 'a', suffix: '' }] },
    ] as Claim[];
    expect(claimsToUnits(claims, 'abc жж')).toBe(claims);
    const spans = [{ start: 1, end: 3 }];
    expect(spansToPoints(spans, 'abc')).toEqual(spans);
  });
});

import { describe, expect, it } from 'vitest';
import type { Block } from '../../../../shared/model';
import { blockPieces, listMarkers } from './segments';

const TEXT = 'Intro\n\nAt least 27 died,\nclose to 50 — Гулмурод.';
const block = { start: 7, end: TEXT.length };

describe('blockPieces', () => {
  it('covers the block exactly, turning "\\n" into a break', () => {
    const pieces = blockPieces(TEXT, block, [], []);
    expect(pieces.map((p) => p.kind)).toEqual(['text', 'break', 'text']);
    const rebuilt = pieces.map((p) => (p.kind === 'break' ? '\n' : p.text)).join('');
    expect(rebuilt).toBe(TEXT.slice(block.start, block.end));
  });

  it('splits at every claim boundary and lists all covering claims', () => {
    const a = TEXT.indexOf('27');
    const b = TEXT.indexOf('50');
    const pieces = blockPieces(
      TEXT,
      block,
      [],
      [
        { claimId: 'A', start: a, end: b + 2 },
        { claimId: 'B', start: TEXT.indexOf('died'), end: TEXT.length },
      ],
    );
    const texts = pieces.map((p) => [p.kind === 'text' ? p.text : '\\n', p.claimIds.join('+')]);
    expect(texts).toEqual([
      ['At least ', ''],
      ['27 ', 'A'],
      ['died,', 'A+B'],
      ['\\n', 'A+B'],
      ['close to 50', 'A+B'],
      [' — Гулмурод.', 'B'],
    ]);
  });

  it('applies formats and links, clipped to the block', () => {
    const pieces = blockPieces(
      TEXT,
      block,
      [
        { type: 'strong', start: 0, end: TEXT.indexOf(' least') },
        {
          type: 'link',
          start: TEXT.indexOf('Гулмурод'),
          end: TEXT.length - 1,
          href: 'https://example.org',
        },
        { type: 'emphasis', start: TEXT.indexOf('Гулмурод'), end: TEXT.length + 50 },
      ],
      [],
    );
    const first = pieces[0]!;
    expect(first.kind === 'text' && [first.text, first.formats]).toEqual(['At', ['bold']]);
    const name = pieces.find((p) => p.kind === 'text' && p.text === 'Гулмурод')!;
    expect(name).toMatchObject({ formats: ['italic'], href: 'https://example.org' });
    const dot = pieces.at(-1)!;
    expect(dot).toMatchObject({ text: '.', formats: ['italic'], href: null });
  });

  it('ignores empty and outside ranges', () => {
    const pieces = blockPieces(
      TEXT,
      block,
      [{ type: 'strong', start: 0, end: 5 }],
      [{ claimId: 'X', start: 10, end: 10 }],
    );
    expect(pieces).toHaveLength(3);
    expect(pieces.every((p) => p.claimIds.length === 0)).toBe(true);
  });
});

describe('blockPieces with mentions', () => {
  it('cuts at mention boundaries and lists the mentions over claims, without a break piece', () => {
    const name = TEXT.indexOf('Гулмурод');
    const died = TEXT.indexOf('died');
    const pieces = blockPieces(
      TEXT,
      block,
      [],
      [{ claimId: 'C', start: died, end: TEXT.length }],
      [
        { mentionId: 'M1', entityId: 'E1', kind: 'person', start: name, end: name + 8 },
        { mentionId: 'M2', entityId: 'E2', kind: 'event', start: died, end: died + 14 },
      ],
    );
    const rows = pieces.map((p) => [
      p.kind === 'text' ? p.text : '\\n',
      p.claimIds.join('+'),
      p.kind === 'text' ? p.mentions.map((m) => `${m.mentionId}:${m.kind}`).join('+') : '-',
    ]);
    expect(rows).toEqual([
      ['At least 27 ', '', ''],
      ['died,', 'C', 'M2:event'],
      ['\\n', 'C', '-'],
      ['close to', 'C', 'M2:event'],
      [' 50 — ', 'C', ''],
      ['Гулмурод', 'C', 'M1:person'],
      ['.', 'C', ''],
    ]);
  });
});

describe('listMarkers', () => {
  it('numbers ordered items per level and restarts after other blocks', () => {
    const li = (level: number, ordered: boolean): Block => ({
      type: 'list-item',
      level,
      ordered,
      start: 0,
      end: 1,
    });
    const p: Block = { type: 'paragraph', start: 0, end: 1 };
    expect(
      listMarkers([
        li(1, true),
        li(1, true),
        li(2, false),
        li(2, false),
        li(1, true),
        p,
        li(1, true),
      ]),
    ).toEqual(['1.', '2.', '◦', '◦', '3.', null, '1.']);
  });
});

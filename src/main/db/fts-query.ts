import { AppError } from '../errors';
import { foldForSearch } from './search-index';

/**
 * The search box's syntax, translated into an FTS5 query that cannot be a syntax error:
 *   words                  all of them (implicit AND): prison riot
 *   "a phrase"             the words in this order: "prison riot"
 *   word*  "a phr"*        prefix: Khujand*
 *   AND  OR  NOT  ( )      upper case, as in FTS5; NOT excludes: riot NOT prison; "AND NOT" works too
 *   entity:"A name"        every name of that entity (taken out of the query before this
 *                          translation: see search-by-entity.ts)
 * Every word is quoted on the way out, so punctuation (non-governmental, 27%, e-mail, a:b) is plain
 * text rather than FTS5 syntax, and a mistake the user can make gets a message that says what to fix.
 */

type Node =
  | { t: 'term'; text: string; prefix: boolean }
  | { t: 'and' | 'or'; items: Node[] }
  | { t: 'not'; left: Node; right: Node };

type Token =
  | { t: 'word'; text: string; prefix: boolean }
  | { t: 'phrase'; text: string; prefix: boolean }
  | { t: 'op'; op: 'AND' | 'OR' | 'NOT' }
  | { t: 'open' }
  | { t: 'close' };

const MAX_TERMS = 64;

const invalid = (message: string) => new AppError('invalid_input', `Search: ${message}`);

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const ch = query[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '(' || ch === ')') {
      tokens.push({ t: ch === '(' ? 'open' : 'close' });
      i++;
    } else if (ch === '"') {
      const close = query.indexOf('"', i + 1);
      if (close < 0)
        throw invalid('a quotation mark (") is not closed. Close the phrase or remove the mark.');
      let end = close + 1;
      while (query[end] === '*') end++;
      tokens.push({ t: 'phrase', text: query.slice(i + 1, close), prefix: end > close + 1 });
      i = end;
    } else {
      let end = i;
      while (end < query.length && !/[\s()"]/.test(query[end]!)) end++;
      const word = query.slice(i, end);
      i = end;
      if (word === 'AND' || word === 'OR' || word === 'NOT') tokens.push({ t: 'op', op: word });
      else {
        const text = word.replace(/\*+$/, '');
        tokens.push({ t: 'word', text, prefix: text.length < word.length });
      }
    }
  }
  return tokens;
}

class Parser {
  private at = 0;
  terms = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly implicitPrefix: boolean,
  ) {}

  parse(): Node | null {
    if (this.tokens.length === 0) return null;
    const node = this.or();
    const rest = this.tokens[this.at];
    if (rest) {
      throw invalid(
        rest.t === 'close'
          ? 'a closing parenthesis ")" has no opening one.'
          : `unexpected ${describe(rest)}.`,
      );
    }
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }

  private isOp(op: 'AND' | 'OR' | 'NOT'): boolean {
    const token = this.peek();
    return token?.t === 'op' && token.op === op;
  }

  private or(): Node {
    const items = [this.and()];
    while (this.isOp('OR')) {
      this.at++;
      items.push(this.and('OR'));
    }
    return items.length === 1 ? items[0]! : { t: 'or', items };
  }

  private and(after?: 'AND' | 'OR'): Node {
    let node = this.not(after);
    for (;;) {
      if (this.isOp('AND')) {
        this.at++;
        if (this.isOp('NOT')) {
          this.at++;
          node = { t: 'not', left: node, right: this.primary('NOT') };
        } else node = { t: 'and', items: [node, this.not('AND')] };
        continue;
      }
      const next = this.peek();
      if (next && (next.t === 'word' || next.t === 'phrase' || next.t === 'open')) {
        node = { t: 'and', items: [node, this.not()] };
        continue;
      }
      return node;
    }
  }

  private not(after?: 'AND' | 'OR'): Node {
    let node = this.primary(after);
    while (this.isOp('NOT')) {
      this.at++;
      node = { t: 'not', left: node, right: this.primary('NOT') };
    }
    return node;
  }

  private primary(after?: 'AND' | 'OR' | 'NOT'): Node {
    const token = this.peek();
    if (!token) {
      throw invalid(
        after ? `"${after}" at the end needs a word after it.` : 'the query is incomplete.',
      );
    }
    if (token.t === 'op') {
      if (token.op === 'NOT' && !after) {
        throw invalid(
          'NOT excludes words from what you search for: write what to find first, e.g. riot NOT prison.',
        );
      }
      throw invalid(
        `"${token.op}" needs a word or phrase on both sides (write operators in lower case to search for them).`,
      );
    }
    if (token.t === 'close') {
      throw invalid(
        after ? `"${after}" needs a word after it.` : '"()" is empty or a ")" has no opening "(".',
      );
    }
    this.at++;
    if (token.t === 'open') {
      if (this.peek()?.t === 'close')
        throw invalid('"()" is empty: put words between the parentheses.');
      const inner = this.or();
      if (this.peek()?.t !== 'close') throw invalid('a parenthesis "(" is not closed.');
      this.at++;
      return inner;
    }
    if (++this.terms > MAX_TERMS) throw invalid(`use at most ${MAX_TERMS} words.`);
    return {
      t: 'term',
      text: token.text,
      prefix: token.prefix || (token.t === 'word' && this.implicitPrefix),
    };
  }
}

function describe(token: Token): string {
  if (token.t === 'op') return `"${token.op}"`;
  if (token.t === 'open') return '"("';
  if (token.t === 'close') return '")"';
  return `"${token.text}"`;
}

/** A term with nothing the tokenizer keeps (a lone dash, an ellipsis) would match nothing at all. */
const hasTokenChars = (text: string) => /[\p{L}\p{N}\p{M}\p{Co}\p{So}]/u.test(text);

/** Drops empty terms, keeping the rest of the expression meaningful. */
function prune(node: Node): Node | null {
  switch (node.t) {
    case 'term':
      return hasTokenChars(node.text) ? node : null;
    case 'and':
    case 'or': {
      const items = node.items.map(prune).filter((n): n is Node => n !== null);
      if (items.length <= 1) return items[0] ?? null;
      return { t: node.t, items };
    }
    case 'not': {
      const left = prune(node.left);
      const right = prune(node.right);
      if (!left) return null;
      return right ? { t: 'not', left, right } : left;
    }
  }
}

function emit(node: Node): string {
  switch (node.t) {
    case 'term':
      return `"${foldForSearch(node.text).replaceAll('"', '""')}"${node.prefix ? '*' : ''}`;
    case 'and':
    case 'or':
      return node.items.map(wrap).join(node.t === 'and' ? ' AND ' : ' OR ');
    case 'not':
      return `${wrap(node.left)} NOT ${wrap(node.right)}`;
  }
}

const wrap = (node: Node) => (node.t === 'term' ? emit(node) : `(${emit(node)})`);

export interface FtsQueryOptions {
  /** every bare word matches as a prefix (a filter box that narrows as you type) */
  implicitPrefix?: boolean;
}

/**
 * The FTS5 MATCH expression for a user's query, or null when it holds nothing to search for (empty,
 * or only punctuation). Throws AppError('invalid_input') with a message for the user on a mistake.
 */
export function toFtsQuery(query: string, options: FtsQueryOptions = {}): string | null {
  // control characters (U+0000 ends FTS5's C string mid-query) separate words, nothing more
  // eslint-disable-next-line no-control-regex
  const plain = query.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  const parsed = new Parser(tokenize(plain), options.implicitPrefix ?? false).parse();
  const pruned = parsed && prune(parsed);
  return pruned ? emit(pruned) : null;
}

/** FTS5 reports problems with a query as SQLITE_ERROR "fts5: ..."; say so in the user's terms. */
export function ftsErrorToAppError(error: unknown): unknown {
  const message = error instanceof Error ? error.message : '';
  if (
    (error as { code?: string })?.code === 'SQLITE_ERROR' &&
    /fts5|syntax|unterminated|no such column/.test(message)
  ) {
    return invalid(
      `the query could not be understood (${message}). Check quotes, parentheses and AND/OR/NOT.`,
    );
  }
  return error;
}

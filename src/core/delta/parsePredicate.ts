/**
 * The CLI's `--where` text to a Predicate: `id > 5 AND name = 'x'`, `d >= '2021-01-01'`,
 * `p IS NULL`, `k IN (1, 2)`, `NOT (a = 1 OR b != 2)`. Identifiers may be quoted with
 * backticks or double quotes; string literals use single quotes ('' escapes one).
 */
import { LakeError } from '../errors.ts';
import type { Comparison, Literal, Predicate } from './predicate.ts';

type Token =
  | { kind: 'ident'; text: string; quoted: boolean }
  | { kind: 'string'; text: string }
  | { kind: 'number'; text: string }
  | { kind: 'op'; text: string }
  | { kind: 'end' };

const operators = ['<=', '>=', '!=', '<>', '=', '<', '>', '(', ')', ','];

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? '';
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw invalid(text, 'a string is not closed with a quote');
        if (text[i] === "'" && text[i + 1] === "'") { value += "'"; i += 2; continue; }
        if (text[i] === "'") { i++; break; }
        value += text[i++];
      }
      tokens.push({ kind: 'string', text: value });
    } else if (c === '`' || c === '"') {
      const end = text.indexOf(c, i + 1);
      if (end < 0) throw invalid(text, `a quoted name is not closed with ${c}`);
      tokens.push({ kind: 'ident', text: text.slice(i + 1, end), quoted: true });
      i = end + 1;
    } else if (/[0-9]/.test(c) || (c === '-' && /[0-9.]/.test(text[i + 1] ?? ''))) {
      const m = /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(text.slice(i));
      tokens.push({ kind: 'number', text: m?.[0] ?? c });
      i += m?.[0].length ?? 1;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(text.slice(i));
      tokens.push({ kind: 'ident', text: m?.[0] ?? c, quoted: false });
      i += m?.[0].length ?? 1;
    } else {
      const op = operators.find((o) => text.startsWith(o, i));
      if (!op) throw invalid(text, `unexpected character "${c}"`);
      tokens.push({ kind: 'op', text: op });
      i += op.length;
    }
  }
  tokens.push({ kind: 'end' });
  return tokens;
}

function invalid(text: string, why: string): LakeError {
  return new LakeError('InvalidInput', `cannot read the predicate "${text}": ${why}`);
}

export function parsePredicate(text: string): Predicate {
  const tokens = tokenize(text);
  let at = 0;
  const peek = () => tokens[at] ?? { kind: 'end' as const };
  const isKeyword = (t: Token, word: string) => t.kind === 'ident' && !t.quoted && t.text.toUpperCase() === word;
  const expectOp = (op: string) => {
    const t = peek();
    if (t.kind !== 'op' || t.text !== op) throw invalid(text, `expected "${op}"`);
    at++;
  };

  function parseOr(): Predicate {
    let left = parseAnd();
    while (isKeyword(peek(), 'OR')) {
      at++;
      left = { op: 'or', left, right: parseAnd() };
    }
    return left;
  }
  function parseAnd(): Predicate {
    let left = parseNot();
    while (isKeyword(peek(), 'AND')) {
      at++;
      left = { op: 'and', left, right: parseNot() };
    }
    return left;
  }
  function parseNot(): Predicate {
    if (isKeyword(peek(), 'NOT')) {
      at++;
      return { op: 'not', arg: parseNot() };
    }
    const t = peek();
    if (t.kind === 'op' && t.text === '(') {
      at++;
      const inner = parseOr();
      expectOp(')');
      return inner;
    }
    return parseComparison();
  }
  function parseLiteral(): Literal {
    const t = peek();
    at++;
    if (t.kind === 'string') return t.text;
    if (t.kind === 'number') return Number(t.text);
    if (t.kind === 'ident' && !t.quoted) {
      const word = t.text.toUpperCase();
      if (word === 'TRUE' || word === 'FALSE') return word === 'TRUE';
      if (word === 'NULL') return null;
      if (word === 'DATE' || word === 'TIMESTAMP' || word === 'TIMESTAMP_NTZ') return parseLiteral();
    }
    throw invalid(text, 'expected a value (a number, a quoted string, true, false or null)');
  }
  function parseComparison(): Predicate {
    const t = peek();
    if (t.kind !== 'ident' || (!t.quoted && ['AND', 'OR', 'NOT', 'IS', 'IN'].includes(t.text.toUpperCase()))) {
      throw invalid(text, 'expected a column name');
    }
    at++;
    const column = t.text;
    const next = peek();
    if (isKeyword(next, 'IS')) {
      at++;
      const negated = isKeyword(peek(), 'NOT');
      if (negated) at++;
      if (!isKeyword(peek(), 'NULL')) throw invalid(text, 'expected NULL after IS');
      at++;
      return { op: 'isNull', column, negated };
    }
    const negatedIn = isKeyword(next, 'NOT');
    if (negatedIn) at++;
    if (isKeyword(peek(), 'IN')) {
      at++;
      expectOp('(');
      const values = [parseLiteral()];
      while (peek().kind === 'op' && (peek() as { text: string }).text === ',') {
        at++;
        values.push(parseLiteral());
      }
      expectOp(')');
      return { op: 'in', column, values, negated: negatedIn };
    }
    if (negatedIn) throw invalid(text, 'expected IN after NOT');
    const op = peek();
    if (op.kind !== 'op' || ['(', ')', ','].includes(op.text)) throw invalid(text, `expected a comparison after "${column}"`);
    at++;
    const comparison = (op.text === '<>' ? '!=' : op.text) as Comparison;
    return { op: 'compare', column, comparison, value: parseLiteral() };
  }

  const predicate = parseOr();
  if (peek().kind !== 'end') throw invalid(text, 'unexpected text after the predicate');
  return predicate;
}

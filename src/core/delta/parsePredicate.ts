/**
 * Predicate text (the CLI's `--where`, a MERGE's predicate and clause conditions) to a
 * Predicate: `id > 5 AND name = 'x'`, `d >= DATE '2021-01-01'`, `p IS NULL`, `k IN (1, 2)`,
 * `NOT (a = 1 OR b != 2)`, `t.id = s.id`. String literals use single quotes ('' is one quote).
 * A name is a path of parts joined by '.' (`t.id`, `s.value`); a part that is not a plain
 * word (spaces, other characters, keywords, or just to be safe) is quoted with backticks or
 * double quotes, the quote doubled inside (`it``s`, "it""s"). Everything is parsed here once;
 * engines get the parsed form (predicateSql.ts for duckdb-wasm), never the text.
 */
import { LakeError } from '../errors.ts';
import type { Comparison, Literal, Predicate } from './predicate.ts';

type Token =
  | { kind: 'name'; parts: string[]; quoted: boolean }
  | { kind: 'string'; text: string }
  | { kind: 'number'; text: string }
  | { kind: 'op'; text: string }
  | { kind: 'end' };

type Operand = { kind: 'column'; name: string } | { kind: 'literal'; value: Literal };

const operators = ['<=', '>=', '!=', '<>', '=', '<', '>', '(', ')', ','];
const flipped: Record<Comparison, Comparison> = { '=': '=', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  /** One part of a name at i: a plain word, or quoted with ` or " (the quote doubled inside). */
  const readPart = (): { part: string; quoted: boolean } => {
    const c = text[i] ?? '';
    if (c === '`' || c === '"') {
      let part = '';
      i++;
      for (;;) {
        if (i >= text.length) throw invalid(text, `a quoted name is not closed with ${c}`);
        if (text[i] === c && text[i + 1] === c) { part += c; i += 2; continue; }
        if (text[i] === c) { i++; break; }
        part += text[i++];
      }
      if (part === '') throw invalid(text, 'a quoted name is empty');
      if (part.includes('.')) throw invalid(text, `the quoted name ${c}${part}${c} holds a ".", which cannot be told apart from a nested field or an alias`);
      return { part, quoted: true };
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
    if (!m) throw invalid(text, `expected a name after "." at ${i + 1}`);
    i += m[0].length;
    return { part: m[0], quoted: false };
  };
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
    } else if (/[0-9]/.test(c) || (c === '-' && /[0-9.]/.test(text[i + 1] ?? '')) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const m = /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(text.slice(i));
      tokens.push({ kind: 'number', text: m?.[0] ?? c });
      i += m?.[0].length ?? 1;
    } else if (/[A-Za-z_`"]/.test(c)) {
      const parts: string[] = [];
      let quoted = false;
      for (;;) {
        const read = readPart();
        parts.push(read.part);
        quoted ||= read.quoted;
        if (text[i] !== '.') break;
        i++;
      }
      tokens.push({ kind: 'name', parts, quoted });
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

/** An integer beyond 2^53 stays exact, as a bigint; every other number is a number. */
function toNumberLiteral(text: string): number | bigint {
  const number = Number(text);
  return /^-?\d+$/.test(text) && !Number.isSafeInteger(number) ? BigInt(text) : number;
}

function invalid(text: string, why: string): LakeError {
  const shown = text.length > 300 ? `${text.slice(0, 300)}... (${text.length.toLocaleString('en')} characters)` : text;
  return new LakeError('InvalidInput', `cannot read the predicate "${shown}": ${why}`);
}

/**
 * How much one predicate may hold: every walk over a predicate (evaluating it, skipping files
 * with it, rendering it as SQL) recurses, and a chain of 5,000 ORs or parentheses nested
 * 10,000 deep overflowed the stack.
 */
export const predicateLimits = { nesting: 100, conditions: 1_000 };

export function parsePredicate(text: string): Predicate {
  const tokens = tokenize(text);
  let at = 0;
  const peek = (ahead = 0) => tokens[at + ahead] ?? { kind: 'end' as const };
  const isKeyword = (t: Token, word: string) => t.kind === 'name' && !t.quoted && t.parts.length === 1 && t.parts[0]?.toUpperCase() === word;
  const isOp = (t: Token, op: string) => t.kind === 'op' && t.text === op;
  const expectOp = (op: string) => {
    if (!isOp(peek(), op)) throw invalid(text, `expected "${op}"`);
    at++;
  };
  let nesting = 0;
  let conditions = 0;
  const deeper = () => {
    if (++nesting > predicateLimits.nesting) throw invalid(text, `parentheses and NOT nest more than ${predicateLimits.nesting} deep`);
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
      deeper();
      const arg = parseNot();
      nesting--;
      return { op: 'not', arg };
    }
    if (isOp(peek(), '(')) {
      at++;
      deeper();
      const inner = parseOr();
      expectOp(')');
      nesting--;
      return inner;
    }
    if (++conditions > predicateLimits.conditions) throw invalid(text, `more than ${predicateLimits.conditions.toLocaleString('en')} conditions; give a long list of values with IN (...)`);
    return parseComparison();
  }
  /** A value, or a column: TRUE, FALSE, NULL and DATE '...' are values unless quoted. */
  function parseOperand(): Operand | undefined {
    const t = peek();
    if (t.kind === 'string') { at++; return { kind: 'literal', value: t.text }; }
    if (t.kind === 'number') { at++; return { kind: 'literal', value: toNumberLiteral(t.text) }; }
    if (t.kind !== 'name') return undefined;
    if (['AND', 'OR', 'NOT', 'IS', 'IN'].some((word) => isKeyword(t, word))) return undefined;
    at++;
    if (isKeyword(t, 'TRUE') || isKeyword(t, 'FALSE')) return { kind: 'literal', value: isKeyword(t, 'TRUE') };
    if (isKeyword(t, 'NULL')) return { kind: 'literal', value: null };
    if (['DATE', 'TIMESTAMP', 'TIMESTAMP_NTZ'].some((word) => isKeyword(t, word)) && peek().kind === 'string') return parseOperand();
    return { kind: 'column', name: t.parts.join('.') };
  }
  function parseLiteral(): Literal {
    const operand = parseOperand();
    if (operand?.kind !== 'literal') throw invalid(text, 'expected a value (a number, a quoted string, true, false or null)');
    return operand.value;
  }
  function parseComparison(): Predicate {
    const left = parseOperand();
    if (!left) throw invalid(text, 'expected a column name');
    if (left.kind === 'column') {
      const column = left.name;
      if (isKeyword(peek(), 'IS')) {
        at++;
        const negated = isKeyword(peek(), 'NOT');
        if (negated) at++;
        if (!isKeyword(peek(), 'NULL')) throw invalid(text, 'expected NULL after IS');
        at++;
        return { op: 'isNull', column, negated };
      }
      const negatedIn = isKeyword(peek(), 'NOT') && isKeyword(peek(1), 'IN');
      if (negatedIn) at++;
      if (isKeyword(peek(), 'IN')) {
        at++;
        expectOp('(');
        const values = [parseLiteral()];
        while (isOp(peek(), ',')) {
          at++;
          values.push(parseLiteral());
        }
        expectOp(')');
        return { op: 'in', column, values, negated: negatedIn };
      }
    }
    const comparison = parseComparisonOp(left);
    const right = parseOperand();
    if (!right) throw invalid(text, 'expected a value (a number, a quoted string, true, false or null)');
    if (left.kind === 'column' && right.kind === 'column') return { op: 'compareColumns', column: left.name, comparison, other: right.name };
    if (left.kind === 'column' && right.kind === 'literal') return { op: 'compare', column: left.name, comparison, value: right.value };
    if (left.kind === 'literal' && right.kind === 'column') return { op: 'compare', column: right.name, comparison: flipped[comparison], value: left.value };
    throw invalid(text, 'a comparison needs a column on one side');
  }
  function parseComparisonOp(left: Operand): Comparison {
    const op = peek();
    if (op.kind !== 'op' || ['(', ')', ','].includes(op.text)) {
      throw invalid(text, `expected a comparison after ${left.kind === 'column' ? `"${left.name}"` : 'a value'}`);
    }
    at++;
    return (op.text === '<>' ? '!=' : op.text) as Comparison;
  }

  const predicate = parseOr();
  if (peek().kind !== 'end') throw invalid(text, 'unexpected text after the predicate');
  return predicate;
}

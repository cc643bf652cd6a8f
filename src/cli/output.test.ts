import { describe, expect, it } from 'vitest';
import { createRowWriter, toOutputFormat, writeRows } from './output.ts';

function capture() {
  let text = '';
  return { out: { write: (s: string) => (text += s) }, text: () => text };
}

describe('CLI output', () => {
  it('writes JSON lines, one object per row', () => {
    const c = capture();
    writeRows(c.out, 'jsonl', ['a'], [{ a: 1 }, { a: null }]);
    expect(c.text()).toBe('{"a":1}\n{"a":null}\n');
  });

  it('writes CSV with one header across batches and quotes what needs it', () => {
    const c = capture();
    const writer = createRowWriter(c.out, 'csv', ['a', 'b']);
    writer.write([{ a: 'x,y', b: 'say "hi"' }]);
    writer.write([{ a: null, b: 2 }]);
    writer.end();
    expect(c.text()).toBe('a,b\n"x,y","say ""hi"""\n,2\n');
  });

  it('aligns a text table', () => {
    const c = capture();
    writeRows(c.out, 'table', ['id', 'name'], [{ id: 1, name: 'a' }, { id: 10, name: 'bb' }]);
    expect(c.text()).toBe('id  name\n--  ----\n1   a\n10  bb\n');
  });

  it('refuses an unknown format', () => {
    expect(() => toOutputFormat('xml', 'jsonl')).toThrow(/jsonl, csv or table/);
  });
});

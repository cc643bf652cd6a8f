/** Output formats of the CLI: JSON lines, CSV, or an aligned text table. */
import { UsageError } from './args.ts';

export type OutputFormat = 'jsonl' | 'csv' | 'table';

export function toOutputFormat(value: string | undefined, fallback: OutputFormat): OutputFormat {
  if (value === undefined) return fallback;
  if (value === 'jsonl' || value === 'csv' || value === 'table') return value;
  throw new UsageError(`--format must be jsonl, csv or table, got "${value}"`);
}

export interface Writer {
  write(text: string): unknown;
  /** Resolves once what was written has gone out (a slow reader of a pipe): callers that stream wait for it between batches, so memory stays flat. */
  drained?(): Promise<void>;
}

export function writeRows(out: Writer, format: OutputFormat, columns: string[], rows: Record<string, unknown>[]): void {
  const writer = createRowWriter(out, format, columns);
  writer.write(rows);
  writer.end();
}

/** How much text goes to the output in one write: one write per line cost more than printing them. */
const chunkChars = 64 * 1024;

/** Streams rows in batches: JSON lines and CSV as they come (each batch's lines in writes of ~64 KiB), a text table at the end (it needs widths). */
export function createRowWriter(out: Writer, format: OutputFormat, columns: string[]) {
  const buffered: string[][] = [];
  if (format === 'csv') out.write(`${columns.map(toCsvField).join(',')}\n`);
  return {
    write(rows: Record<string, unknown>[]): void {
      if (format === 'table') {
        for (const row of rows) buffered.push(columns.map((c) => toText(row[c])));
        return;
      }
      let chunk = '';
      for (const row of rows) {
        chunk += format === 'jsonl' ? `${JSON.stringify(row)}\n` : `${columns.map((c) => toCsvField(toText(row[c]))).join(',')}\n`;
        if (chunk.length >= chunkChars) {
          out.write(chunk);
          chunk = '';
        }
      }
      if (chunk !== '') out.write(chunk);
    },
    end(): void {
      if (format === 'table') out.write(toTextTable(columns, buffered));
    },
  };
}

function toText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function toCsvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function toTextTable(header: string[], cells: string[][]): string {
  const widths = header.map((h, i) => Math.min(60, cells.reduce((widest, row) => Math.max(widest, (row[i] ?? '').length), h.length)));
  const line = (row: string[]) => row.map((cell, i) => clip(cell, widths[i] ?? 0).padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n') + '\n';
}

function clip(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

/**
 * What the table must hold: the starting rows with every committed operation applied in the
 * order of the log, by each operation's meaning (not by the files it wrote). A whole-table
 * overwrite removes the rows that were there at the version it read (rows appended since
 * stay, as the commit's removes name only the files it read); everything else, under
 * Serializable isolation, acts on the table as it is at its commit.
 */
import type { Operation, Row } from './operations.ts';

export type ModelRows = ReadonlyMap<number, Row>;

export function applyOperation(before: ModelRows, operation: Operation, atReadVersion: ModelRows): Map<number, Row> {
  const after = new Map(before);
  switch (operation.kind) {
    case 'append':
      for (const row of operation.rows) after.set(row.id, row);
      break;
    case 'overwrite':
      for (const [id, row] of before) {
        if (operation.partition === undefined ? atReadVersion.has(id) : row.p === operation.partition) after.delete(id);
      }
      for (const row of operation.rows) after.set(row.id, row);
      break;
    case 'delete':
      for (const id of before.keys()) if (id >= operation.from && id < operation.to) after.delete(id);
      break;
    case 'update':
      for (const [id, row] of before) if (id >= operation.from && id < operation.to) after.set(id, { ...row, v: operation.v });
      break;
    case 'merge':
      for (const row of operation.rows) after.set(row.id, row);
      break;
    case 'optimize':
      break;
  }
  return after;
}

export function sortedRows(rows: ModelRows | Iterable<Row>): Row[] {
  return [...('values' in rows && typeof rows.values === 'function' ? (rows as ModelRows).values() : (rows as Iterable<Row>))].sort((a, b) => a.id - b.id);
}

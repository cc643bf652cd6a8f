/** Options several commands share, declared once. */
import type { OptionSpec } from './args.ts';

export const tablePositional = [{ name: '<table>' }] as const;

export const help: OptionSpec = { name: 'help', takes: 'switch', description: 'print this help' };

export const formatOption = (fallback: string): OptionSpec => ({
  name: 'format', takes: 'value', valueName: 'jsonl|csv|table', description: `output format (default: ${fallback})`,
});

export const readAtOptions: OptionSpec[] = [
  { name: 'version', takes: 'value', valueName: 'N', description: 'read the table at version N (default: the latest)' },
  { name: 'timestamp', takes: 'value', valueName: 'ISO', description: 'read the table as of a time: the latest commit at or before it (by in-commit timestamps where the table has them, else by the commit files\' modification times)' },
];

export const writeOptions: OptionSpec[] = [
  { name: 'version', takes: 'value', valueName: 'N', description: 'read (and conflict-check) from version N, not the latest' },
  { name: 'isolation', takes: 'value', valueName: 'LEVEL', description: 'Serializable (default), WriteSerializable or SnapshotIsolation' },
  { name: 'max-retries', takes: 'value', valueName: 'N', description: 'commit attempts at later versions after a lost race (default 15)' },
  { name: 'txn-id', takes: 'value', valueName: 'ID', description: 'the transaction id written as commitInfo.txnId and printed (default: a random one), to find the commit if the process dies before it hears' },
];

export const sourceOptions: OptionSpec[] = [
  { name: 'source', takes: 'value', repeatable: true, valueName: 'FILE[,FILE]', description: 'CSV or Parquet files with the rows, separated by commas' },
  { name: 'with-filename', takes: 'switch', description: 'add each source row\'s file name as column filename' },
];

export const sourceSqlOption: OptionSpec = {
  name: 'source-sql', takes: 'value', valueName: 'SQL', description: 'rows from SQL over the table at the read version, in duckdb-wasm (FROM <table folder name>)',
};

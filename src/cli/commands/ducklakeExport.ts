/**
 * `lakelab ducklake-export <catalog> --table schema.table --to <folder | address>`: the table
 * exported to a Delta table, one commit per DuckLake snapshot that changed it, incrementally by
 * default (only the snapshots since the last export). Prints one JSON line (the versions and
 * snapshots written, a drop, files left outside the table), or with --dry-run the Delta log it
 * would write. A lost race for a version exits with code 3.
 */
import type { Command } from '../command.ts';
import { help } from '../commonOptions.ts';

export const ducklakeExportCommand: Command = {
  spec: {
    name: 'ducklake-export',
    summary: 'export a DuckLake table to a Delta table, one commit per snapshot, incrementally',
    positionals: [{ name: '<catalog>' }],
    options: [
      { name: 'table', takes: 'value', valueName: 'schema.table', description: 'the DuckLake table to export (schema main when only a name is given)' },
      { name: 'to', takes: 'value', valueName: 'TARGET', description: 'the Delta table: a local folder, or an Azure / OneLake address (abfss://<workspace>@onelake.dfs.fabric.microsoft.com/<item>.Lakehouse/Tables/<table>); credentials from LAKELAB_AZURE_TOKEN, LAKELAB_AZURE_SAS or LAKELAB_AZURE_KEY' },
      { name: 'incremental', takes: 'switch', description: 'append the snapshots since the last export, or start the table (the default)' },
      { name: 'full', takes: 'switch', description: 'export every snapshot into an empty target' },
      { name: 'reader-version', takes: 'value', valueName: '1|3', description: '3 (default): column mapping and deletion vectors, files referenced in place; 1: files with deletes, renames or type changes rewritten' },
      { name: 'snapshot', takes: 'value', valueName: 'N', description: 'export up to snapshot N (default: the latest)' },
      { name: 'data-path', takes: 'value', valueName: 'P', description: 'where the data files are, a folder or an address (default: the catalog\'s data_path, relative to the catalog)' },
      { name: 'dry-run', takes: 'switch', description: 'print the Delta log it would write, and write nothing' },
      help,
    ],
  },
  // The export's modules (Arrow, Parquet, the catalog readers) load when it runs, not when the CLI starts.
  run: async (args, io) => (await import('./ducklakeExportRun.ts')).runDucklakeExport(args, io),
};


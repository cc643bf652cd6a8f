import type { DataPathState } from '../../workers/protocol.ts';

/**
 * The folder Export to Delta suggests: the table's own folder under the data path (where
 * DuckLake writes its files, so they are referenced in place), as Fabric lays out Tables/.
 */
export function toExportTarget(catalogKey: string, table: string, dataPath: DataPathState | undefined): string {
  const [schema, name] = table.includes('.') ? [table.slice(0, table.indexOf('.')), table.slice(table.indexOf('.') + 1)] : ['main', table];
  const folder = catalogKey.includes('/') ? catalogKey.slice(0, catalogKey.lastIndexOf('/') + 1) : '';
  const given = dataPath?.given;
  const written = dataPath?.written ?? '';
  const relative = (path: string) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(path) && !path.startsWith('/');
  const base = given !== undefined && relative(given) ? given : relative(written) && written !== '' ? `${folder}${written.replace(/^\.\//, '')}` : 'Tables/';
  return `${base.replace(/\/?$/, '/')}${schema}/${name}`;
}

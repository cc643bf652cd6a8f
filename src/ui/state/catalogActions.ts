/**
 * The actions of a catalog of tables (DuckLake): its objects at the selected version (for the
 * table picker and the Catalog view), reading another of its tables, and reading its data
 * files from another data path. A Delta table is its own catalog: these do nothing there.
 */
import type { ExplorerStore, Loadable } from './explorerStore.ts';
import type { TableCaller } from './explorerActions.ts';

interface Steps {
  failed<T>(error: unknown): Loadable<T>;
  /** Show the open source's (new) table from scratch at `version`: its history, then the version. */
  restart(version: number): Promise<void>;
  /** Read the selected version again (its rows come from the new data path). */
  reselect(version: number): Promise<void>;
}

export function createCatalogActions(store: ExplorerStore, worker: TableCaller, steps: Steps) {
  async function loadCatalogObjects(version: number): Promise<void> {
    const catalog = store.getState().catalog;
    if (!catalog) return;
    const isCurrent = () => store.getState().selectedVersion === version && store.getState().catalog?.dataPath === catalog.dataPath;
    store.setState({ catalog: { ...catalog, objects: { status: 'loading' } } });
    let objects: Loadable<Awaited<ReturnType<typeof worker.call<'catalog'>>>>;
    try {
      objects = { status: 'ready', value: await worker.call('catalog', [{ version }]) };
    } catch (error) {
      objects = steps.failed(error);
    }
    const now = store.getState().catalog;
    if (now && isCurrent()) store.setState({ catalog: { ...now, objects } });
  }

  /** Read table `name` ("schema.table") of the open catalog: at the selected version where it exists there, else at the last one it does. */
  async function openCatalogTable(name: string): Promise<void> {
    const { table, selectedVersion, latestVersion } = store.getState();
    if (!table || table.target.format !== 'ducklake') return;
    const at = selectedVersion ?? (latestVersion.status === 'ready' ? latestVersion.value : 0);
    try {
      const { table: chosen, version } = await worker.call('useTable', [name, at]);
      store.setState({ table: { ...table, target: { ...table.target, table: chosen }, link: { ...table.link, table: chosen } }, notice: undefined });
      await steps.restart(version);
    } catch (error) {
      store.setState({ snapshot: steps.failed(error), rows: { status: 'idle' } });
    }
  }

  /** Read the catalog's data files under `dataPath` (empty: the catalog's own data path); the link keeps it. */
  async function setDataPath(dataPath: string): Promise<void> {
    const { table, catalog, selectedVersion } = store.getState();
    if (!table || table.target.format !== 'ducklake' || !catalog) return;
    const given = dataPath.trim() === '' ? undefined : dataPath.trim();
    const state = await worker.call('setDataPath', [given]);
    const { data: _old, ...link } = table.link;
    store.setState({
      table: { ...table, target: { ...table.target, dataPath: given }, link: given === undefined ? link : { ...link, data: given } },
      catalog: { ...catalog, dataPath: state },
      diffRows: { status: 'idle' },
    });
    if (selectedVersion !== undefined) await steps.reselect(selectedVersion);
  }

  return { loadCatalogObjects, openCatalogTable, setDataPath };
}

/**
 * The simulated DuckLake catalog file (metadata.db) that lease writers download, edit and
 * upload: its text lists the updates it holds (`catalog:run-1;run-3;`). It stands in for a real
 * catalog behind the one interface the lost-update invariant reads, CatalogReader, so that a
 * real catalog file (whose updates are its snapshots) can take its place.
 */

/** A catalog update a writer was told is stored: the store acknowledged its upload. */
export interface CatalogUpdate {
  writer: string;
  /** The update's identity, as the catalog records it (here the writer's name; in DuckLake, the snapshot's commit info). */
  update: string;
  /** Virtual ms of the acknowledgment. */
  t: number;
}

/** Reads what a catalog file holds: the identities of the updates it records. */
export interface CatalogReader {
  updatesIn(catalog: Uint8Array): Promise<ReadonlySet<string>> | ReadonlySet<string>;
}

const separator = ';';

/** The catalog as a writer leaves it: what it downloaded plus its own update. */
export function withUpdate(catalog: Uint8Array, update: string): Uint8Array {
  return new TextEncoder().encode(`${new TextDecoder().decode(catalog)}${update}${separator}`);
}

export const simCatalogReader: CatalogReader = {
  updatesIn(catalog) {
    const text = new TextDecoder().decode(catalog);
    const body = text.slice(text.indexOf(':') + 1);
    return new Set(body.split(separator).filter((u) => u !== ''));
  },
};

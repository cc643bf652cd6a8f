#!/usr/bin/env bash
# Writes the lakelab-generated DuckLake catalogs Lakelab's tests read, each from the script.sql
# beside it, with the reference tool (DuckDB v1.5.5 + ducklake, ../shared/tools/duckdb-ducklake).
# basic/ and inlined/ come from ../shared/fixtures and are not rewritten here.
# Usage: scripts/ducklake/generateCatalogs.sh [case ...]   (then run referenceAnswers.ts and toSqlite.ts)
set -euo pipefail
tool="${DUCKDB_DUCKLAKE:-$(cd "$(dirname "$0")/../../../.." && pwd)/shared/tools/duckdb-ducklake}"
[ -x "$tool" ] || tool=/work/shared/tools/duckdb-ducklake
root="$(cd "$(dirname "$0")/../../test/fixtures/ducklake/lakelab-generated" && pwd)"
cases=("$@")
[ ${#cases[@]} -gt 0 ] || cases=(evolution addfiles catalog_objects types seed seed_next_run)
for name in "${cases[@]}"; do
  dir="$root/$name"
  rm -rf "$dir/catalog.ducklake" "$dir/catalog.ducklake.wal" "$dir/data"
  mkdir -p "$dir/data/external"
  # The seed's next run starts from the catalog and files the first run (seed/) left.
  if [ "$name" = seed_next_run ]; then cp "$root/seed/catalog.ducklake" "$dir/" && cp -r "$root/seed/data/." "$dir/data/"; fi
  (cd "$dir" && "$tool" -bail < script.sql > /dev/null)
  rmdir "$dir/data/external" 2>/dev/null || true
  if [ "$name" = seed ]; then
    # The pipeline's catalog names its OneLake data path; the files stay in data/ (read through an override).
    (cd "$dir" && "$tool" -c "ATTACH 'catalog.ducklake' AS c; UPDATE c.ducklake_metadata SET value = 'abfss://lakelab@onelake.dfs.fabric.microsoft.com/seed.Lakehouse/Tables/' WHERE key = 'data_path';" > /dev/null)
  fi
  echo "$name: $(cd "$dir" && find data -type f | wc -l) files"
done

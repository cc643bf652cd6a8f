-- The seed pipeline's shape (DuckDB + dbt writing a DuckLake catalogued in SQLite on OneLake):
-- a catalog whose data path is on OneLake (abfss://...Tables/), data inlining off, a few
-- incremental loads and a delete. Written here with a local data path, which
-- scripts/ducklake/generateCatalogs.sh then points at abfss:// (the files stay in data/, where a
-- reader finds them only through a data path override); scripts/ducklake/toSqlite.ts turns it into
-- the SQLite Files/metadata.db: DuckDB v1.5.5 with ducklake (shared/tools/duckdb-ducklake).
ATTACH 'ducklake:catalog.ducklake' AS lake (DATA_PATH 'data/', DATA_INLINING_ROW_LIMIT 0);
USE lake;
CREATE SCHEMA staging;
CREATE TABLE staging.orders (order_id BIGINT, customer VARCHAR, amount DECIMAL(10, 2), ordered_at TIMESTAMP);
INSERT INTO staging.orders SELECT i, 'c' || (i % 4), i * 10.5, TIMESTAMP '2026-01-01 00:00:00' + to_seconds(i * 3600) FROM range(1, 6) t(i);
INSERT INTO staging.orders SELECT i, 'c' || (i % 4), i * 10.5, TIMESTAMP '2026-01-01 00:00:00' + to_seconds(i * 3600) FROM range(6, 9) t(i);
DELETE FROM staging.orders WHERE customer = 'c2';
CREATE TABLE main.customers AS SELECT 'c' || i AS customer, 'Customer ' || i AS name FROM range(4) t(i);

/**
 * Parquet as core sees it. The implementation (src/query/parquetRows.ts) wraps parquet-wasm;
 * core never imports it.
 */
export interface ParquetCodec {
  /**
   * Decode the named top-level columns (all when omitted) of a Parquet file into plain JS
   * rows. Contract: structs become plain objects, maps become plain objects keyed by their
   * string keys, lists become arrays, nulls are null, 64-bit integers become numbers when
   * |n| < 2^53 (bigint otherwise), binary becomes Uint8Array, dates become "YYYY-MM-DD",
   * timestamps ISO-8601 text ("...Z" when adjusted to UTC), decimals their exact text (the forms
   * stats take in JSON, so `stats_parsed` compares like `stats`), and a column that the file
   * does not have is absent from the rows (not an error).
   */
  readRows(data: Uint8Array, options?: { columns?: string[] }): Promise<Record<string, unknown>[]>;
}

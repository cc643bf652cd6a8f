import { describe, expect, it } from 'vitest';
import { openSourceStore } from './sourceStore.ts';

describe('openSourceStore', () => {
  it("refuses a URL that is not a table's folder before reading anything, saying what to give", async () => {
    await expect(openSourceStore({ kind: 'http', url: 'http://127.0.0.1:9/samples/t/_delta_log/' })).rejects.toMatchObject({
      code: 'InvalidInput',
      message: "http://127.0.0.1:9/samples/t/_delta_log/ is the table's log folder, not the table: give the table's folder, http://127.0.0.1:9/samples/t/",
    });
    await expect(openSourceStore({ kind: 'http', url: 'http://127.0.0.1:9/t/letter=a/part-0.parquet/' })).rejects.toMatchObject({ code: 'InvalidInput' });
  });
});

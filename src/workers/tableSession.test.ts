import { describe, expect, it } from 'vitest';
import { TableSession } from './tableSession.ts';
import { parquetCodec } from '../query/parquetRows.ts';
import { MemoryStore } from '../storage/memoryStore.ts';

describe('TableSession.open', () => {
  it("refuses a URL that is not a table's folder before reading anything, saying what to give", async () => {
    let opened = 0;
    const session = new TableSession({ openStore: async () => (opened++, new MemoryStore()), codec: parquetCodec });
    await expect(session.open({ kind: 'http', url: 'http://127.0.0.1:9/samples/t/_delta_log/' }, '')).rejects.toMatchObject({
      code: 'InvalidInput',
      message: "http://127.0.0.1:9/samples/t/_delta_log/ is the table's log folder, not the table: give the table's folder, http://127.0.0.1:9/samples/t/",
    });
    await expect(session.open({ kind: 'http', url: 'http://127.0.0.1:9/t/letter=a/part-0.parquet/' }, '')).rejects.toMatchObject({ code: 'InvalidInput' });
    await expect(session.open({ kind: 'http', url: 'http://127.0.0.1:9/docs/page.html/' }, '')).rejects.toMatchObject({ message: expect.stringContaining('is a web page, not a table') });
    expect(opened).toBe(0);
  });
});

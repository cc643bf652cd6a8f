import { describe, expect, it } from 'vitest';
import { toExportTarget } from './exportTarget.ts';

describe('the Delta table Export to Delta suggests', () => {
  it('is the table\'s folder under the data path given, or the catalog\'s relative one, else Tables/', () => {
    expect(toExportTarget('Files/metadata.db', 'staging.orders', { written: 'abfss://w@onelake.dfs.fabric.microsoft.com/l.Lakehouse/Tables/', given: 'Tables/' })).toBe('Tables/staging/orders');
    expect(toExportTarget('lake/catalog.ducklake', 'main.people', { written: 'data/' })).toBe('lake/data/main/people');
    expect(toExportTarget('Files/metadata.db', 'people', { written: 'abfss://seed@x.dfs.core.windows.net/L/Tables/' })).toBe('Tables/main/people');
  });
});

import { describe, expect, it } from 'vitest';
import { accountNameOf, parseAzureAddress, redactSecrets } from './azureAddress.ts';

describe('Azure addresses', () => {
  it('reads the abfss form of a OneLake lakehouse table, with and without a schema folder', () => {
    expect(parseAzureAddress('abfss://Sales@onelake.dfs.fabric.microsoft.com/Lake.Lakehouse/Tables/orders')).toEqual({
      kind: 'onelake', accountUrl: 'https://onelake.blob.fabric.microsoft.com', container: 'Sales', path: 'Lake.Lakehouse/Tables/orders',
      workspace: 'Sales', item: 'Lake', itemType: 'Lakehouse',
    });
    expect(parseAzureAddress('abfss://Sales@onelake.dfs.fabric.microsoft.com/Lake.Lakehouse/Tables/dbo/orders/').path).toBe('Lake.Lakehouse/Tables/dbo/orders');
  });

  it('reads OneLake https forms (dfs and blob) and GUID ids', () => {
    const ws = '5c3b4f1e-2a6d-4f0e-9d0a-1b2c3d4e5f60';
    const item = '0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9';
    const parsed = parseAzureAddress(`https://onelake.dfs.fabric.microsoft.com/${ws}/${item}/Tables/orders`);
    expect(parsed).toMatchObject({ kind: 'onelake', container: ws, workspace: ws, item, path: `${item}/Tables/orders` });
    expect(parseAzureAddress('https://onelake.blob.fabric.microsoft.com/Sales/Lake.Lakehouse/Files/x')).toMatchObject({ container: 'Sales', item: 'Lake', path: 'Lake.Lakehouse/Files/x' });
  });

  it('reads GUID ids in the abfss form, lower-case item types, and a SAS on a OneLake URL', () => {
    const ws = '5c3b4f1e-2a6d-4f0e-9d0a-1b2c3d4e5f60';
    const item = '0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9';
    expect(parseAzureAddress(`abfss://${ws}@onelake.dfs.fabric.microsoft.com/${item}/Tables/dbo/orders`)).toEqual({
      kind: 'onelake', accountUrl: 'https://onelake.blob.fabric.microsoft.com', container: ws, workspace: ws, item, path: `${item}/Tables/dbo/orders`,
    });
    expect(parseAzureAddress('https://onelake.dfs.fabric.microsoft.com/Sales/Lake.lakehouse/Tables')).toMatchObject({ item: 'Lake', itemType: 'Lakehouse' });
    expect(parseAzureAddress('https://onelake.dfs.fabric.microsoft.com/Sales%20Team/My.Lake.Warehouse/Tables/dbo/t?sv=1&sig=x')).toMatchObject({
      container: 'Sales Team', item: 'My.Lake', itemType: 'Warehouse', path: 'My.Lake.Warehouse/Tables/dbo/t', sas: 'sv=1&sig=x',
    });
    expect(parseAzureAddress('abfss://Sales@onelake.dfs.fabric.microsoft.com')).toEqual({ kind: 'onelake', accountUrl: 'https://onelake.blob.fabric.microsoft.com', container: 'Sales', workspace: 'Sales', path: '' });
  });

  it('reads generic ADLS and Blob account URLs, splitting off a SAS token', () => {
    expect(parseAzureAddress('abfss://data@myaccount.dfs.core.windows.net/lake/orders')).toEqual({ kind: 'adls', accountUrl: 'https://myaccount.blob.core.windows.net', container: 'data', path: 'lake/orders' });
    expect(parseAzureAddress('https://myaccount.blob.core.windows.net/data/lake/orders?sv=2024-01-01&sig=abc%2Fdef')).toEqual({
      kind: 'blob', accountUrl: 'https://myaccount.blob.core.windows.net', container: 'data', path: 'lake/orders', sas: 'sv=2024-01-01&sig=abc%2Fdef',
    });
  });

  it('reads an Azurite address', () => {
    expect(parseAzureAddress('http://127.0.0.1:10000/devstoreaccount1/tables/orders')).toEqual({ kind: 'blob', accountUrl: 'http://127.0.0.1:10000/devstoreaccount1', container: 'tables', path: 'orders' });
  });

  it('refuses malformed addresses with the forms it expects, never echoing a secret', () => {
    expect(() => parseAzureAddress('not a url')).toThrow(/expected abfss:\/\//);
    expect(() => parseAzureAddress('abfss://onelake.dfs.fabric.microsoft.com/x')).toThrow(/names no container or workspace/);
    expect(() => parseAzureAddress('abfss://c@evil.example.com/x')).toThrow(/unknown host evil.example.com/);
    expect(() => parseAzureAddress('s3://bucket/x')).toThrow(/s3:/);
    expect(() => parseAzureAddress('https://onelake.dfs.fabric.microsoft.com/')).toThrow(/names no workspace/);
    expect(() => parseAzureAddress('abfss://ws@onelake.dfs.fabric.microsoft.com/item%zz.Lakehouse/Tables/t')).toThrow(/malformed %-escape in "item%zz.Lakehouse": write % as %25/);
    expect(() => parseAzureAddress('abfss://w%zz@onelake.dfs.fabric.microsoft.com/item.Lakehouse/Tables/t')).toThrow(expect.objectContaining({ code: 'InvalidInput' }));
    try {
      parseAzureAddress('ftp://x/y?sig=SECRET');
    } catch (error) {
      expect((error as Error).message).not.toContain('SECRET');
    }
  });

  it('redacts SAS signatures, bearer tokens and keys', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJzdG9yYWdlIn0.c2lnbmF0dXJlLXZhbHVl';
    const text = `GET https://a.blob.core.windows.net/c/x?sv=1&sig=abc123 Authorization: Bearer ${jwt} AccountKey=Zm9v;`;
    const redacted = redactSecrets(text);
    expect(redacted).not.toMatch(/abc123|c2lnbmF0dXJl|Zm9v/);
    expect(redacted).toContain('sig=REDACTED');
  });

  it('names the account an address is on, whichever endpoint names it (a catalog\'s data path against its connection)', () => {
    const name = (address: string) => accountNameOf(parseAzureAddress(address));
    expect(name('abfss://lake@mystore.dfs.core.windows.net/Tables/')).toBe('mystore');
    expect(name('https://MyStore.blob.core.windows.net/lake/Files/metadata.db')).toBe('mystore');
    expect(name('abfss://lakelab@onelake.dfs.fabric.microsoft.com/seed.Lakehouse/Tables/')).toBe('onelake');
    expect(name('http://127.0.0.1:10000/devstoreaccount1/seed/Here.Lakehouse')).toBe('devstoreaccount1');
    expect(name('abfss://seed@devstoreaccount1.dfs.core.windows.net/Here.Lakehouse/Tables/')).toBe('devstoreaccount1');
  });
});

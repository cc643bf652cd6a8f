/**
 * Run the live race against a folder on Azure / OneLake: the writers' workers then commit to
 * real Blob storage (conditional creates and all), and the table they leave stays there.
 */
import { useState, type FormEvent } from 'react';
import { toLakeError } from '../../core/errors.ts';
import { connectAzure } from '../connect/azureConnection.ts';
import type { LiveTarget } from '../../workers/liveTarget.ts';

export function LiveOnAzure({ onRun }: { onRun: (target: LiveTarget) => Promise<void> }) {
  const [address, setAddress] = useState('');
  const [kind, setKind] = useState<'sas' | 'bearer'>('sas');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function run(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const connection = await connectAzure(address, secret, kind);
      await onRun({ kind: 'azure', source: { kind: 'azure', address: connection.address, credential: connection.credential, proxyOrigin: connection.proxyOrigin } });
    } catch (caught) {
      const lake = toLakeError(caught);
      setError(`${lake.code}: ${lake.message}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="live-on-azure">
      <summary>Run live on Azure / OneLake</summary>
      <form onSubmit={(e) => void run(e)}>
        <p>
          An empty folder (for example <code>abfss://workspace@onelake.dfs.fabric.microsoft.com/Lake.Lakehouse/Files/race-1</code>):
          the writers create the scenario's table there and race on it with real conditional creates. The table stays.
        </p>
        <label>Folder
          <input type="text" value={address} onChange={(e) => setAddress(e.target.value)} data-testid="sim-azure-address" />
        </label>
        <label>Sign in with
          <select value={kind} onChange={(e) => setKind(e.target.value as 'sas' | 'bearer')}>
            <option value="sas">a SAS token or URL (read, add, create, write, list)</option>
            <option value="bearer">a bearer token (az account get-access-token --resource https://storage.azure.com)</option>
          </select>
        </label>
        <label>{kind === 'sas' ? 'SAS' : 'Token'}
          <input type="password" value={secret} onChange={(e) => setSecret(e.target.value)} autoComplete="off" data-testid="sim-azure-secret" />
        </label>
        <button type="submit" disabled={busy || !address} data-testid="sim-run-azure">Run live on Azure</button>
        {error && <p className="error" role="alert" data-testid="sim-azure-error">{error}</p>}
      </form>
    </details>
  );
}

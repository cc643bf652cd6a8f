import { useState, type FormEvent } from 'react';
import { toLakeError } from '../../core/errors.ts';
import type { BrowseEntry } from '../../storage/azureBrowse.ts';
import { useExplorerActions } from '../shared/ExplorerContext.tsx';
import {
  azureCatalog, azureTable, bearerExpiry, browseAzure, connectAzure, connectAzureWithTokens, forgetMicrosoftSignIn, signInWithMicrosoft, type AzureConnection,
} from './azureConnection.ts';

/** Connect to OneLake or Azure storage with a SAS or a bearer token, browse, open a Delta table or a DuckLake catalog. */
export function AzureConnect() {
  const actions = useExplorerActions();
  const [address, setAddress] = useState('');
  const [kind, setKind] = useState<'sas' | 'bearer' | 'entra'>('sas');
  const [clientId, setClientId] = useState(import.meta.env.VITE_LAKELAB_MSAL_CLIENT_ID ?? '');
  const [tenant, setTenant] = useState(import.meta.env.VITE_LAKELAB_MSAL_TENANT ?? '');
  const [expiresOn, setExpiresOn] = useState<number>();
  const [redirect, setRedirect] = useState(false);
  const [secret, setSecret] = useState('');
  const [connection, setConnection] = useState<AzureConnection>();
  const [folder, setFolder] = useState('');
  const [entries, setEntries] = useState<BrowseEntry[]>([]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [signedIn, setSignedIn] = useState<{ forget: () => Promise<void> }>();
  const [forgotten, setForgotten] = useState(false);

  async function run(task: () => Promise<void>) {
    setBusy(true);
    setError(undefined);
    try {
      await task();
    } catch (e) {
      const lake = toLakeError(e);
      setError(`${lake.code}: ${lake.message}`);
    } finally {
      setBusy(false);
    }
  }

  async function open(target: AzureConnection, at: string) {
    setFolder(at);
    setEntries(await browseAzure(target, at));
  }

  function onConnect(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      let connected: AzureConnection;
      if (kind === 'entra') {
        const session = await signInWithMicrosoft({ clientId, tenant: tenant || undefined }, redirect ? 'redirect' : 'popup');
        setSignedIn(session);
        actions.useTokenProvider(session.getToken);
        connected = await connectAzureWithTokens(address, session.getToken);
      } else {
        connected = await connectAzure(address, secret, kind);
      }
      setExpiresOn(connected.credential.kind === 'bearer' ? await bearerExpiry(connected.credential.token) : undefined);
      setConnection(connected);
      setSecret('');
      setForgotten(false);
      await open(connected, '');
    });
  }

  /** Every credential the page holds goes: this form's, the open Azure table's, the worker's, MSAL's. */
  function onForget() {
    void run(async () => {
      setConnection(undefined);
      setEntries([]);
      setFolder('');
      setSecret('');
      setExpiresOn(undefined);
      await actions.forgetAzureCredentials();
      await forgetMicrosoftSignIn(signedIn);
      setSignedIn(undefined);
      setForgotten(true);
    });
  }

  return (
    <details className="azure-connect">
      <summary>OneLake / Azure storage</summary>
      <form onSubmit={onConnect}>
        <label>Address
          <input type="text" value={address} onChange={(e) => setAddress(e.target.value)} placeholder="abfss://workspace@onelake.dfs.fabric.microsoft.com/Lake.Lakehouse" data-testid="azure-address" />
        </label>
        <label>Sign in with
          <select value={kind} onChange={(e) => setKind(e.target.value as 'sas' | 'bearer' | 'entra')}>
            <option value="sas">a SAS token or URL</option>
            <option value="bearer">a bearer token (az account get-access-token --resource https://storage.azure.com)</option>
            <option value="entra">Microsoft Entra ID (an app registration)</option>
          </select>
        </label>
        {kind === 'entra' ? (
          <>
            <label>Application (client) id<input type="text" value={clientId} onChange={(e) => setClientId(e.target.value)} /></label>
            <label>Tenant (id or domain; empty: organizations)<input type="text" value={tenant} onChange={(e) => setTenant(e.target.value)} /></label>
            <label className="inline"><input type="checkbox" checked={redirect} onChange={(e) => setRedirect(e.target.checked)} /> sign in with a redirect instead of a popup (then connect again)</label>
          </>
        ) : (
          <label>{kind === 'sas' ? 'SAS' : 'Token'}
            <input type="password" value={secret} onChange={(e) => setSecret(e.target.value)} autoComplete="off" data-testid="azure-secret" />
          </label>
        )}
        <button type="submit" disabled={busy}>Connect</button>{' '}
        <button type="button" onClick={onForget} disabled={busy} data-testid="azure-forget">Forget credentials</button>
        <p className="muted small">Tokens stay in this page's memory; they never enter the URL, an error message or the browser's storage. Forget drops them all (and a Microsoft sign-in) at once.</p>
        {forgotten && <p className="muted small" role="status" data-testid="azure-forgotten">Forgotten: this page holds no Azure credential.</p>}
      </form>
      {error && <p className="panel-error" role="alert" data-testid="azure-error">{error}</p>}
      {connection && expiresOn !== undefined && (
        <p className={expiresOn < Date.now() ? 'panel-error' : 'muted small'} data-testid="azure-expiry">
          Token {expiresOn < Date.now() ? 'expired' : 'expires'} at {new Date(expiresOn).toLocaleString()}
        </p>
      )}
      {connection && (
        <div data-testid="azure-browser">
          <p className="small">
            {connection.label}/{folder}{' '}
            {folder && <button type="button" className="link" onClick={() => void run(() => open(connection, folder.replace(/[^/]+\/$/, '')))}>up</button>}
          </p>
          <ul className="table-choices">
            {entries.map((entry) => (
              <li key={entry.key}>
                {entry.kind === 'deltaTable' && <button type="button" onClick={() => void actions.openTable(azureTable(connection, entry.key))}>▦ {entry.name}</button>}
                {entry.kind === 'folder' && <button type="button" onClick={() => void run(() => open(connection, entry.key))}>📁 {entry.name}</button>}
                {entry.kind === 'duckLakeCatalog' && <button type="button" title="DuckLake catalog" onClick={() => void actions.openTable(azureCatalog(connection, entry.key))}>🦆 {entry.name}</button>}
                {entry.kind === 'file' && <span className="muted">{entry.name}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </details>
  );
}

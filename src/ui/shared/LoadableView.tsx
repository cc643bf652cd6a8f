import type { ReactNode } from 'react';
import type { Loadable } from '../state/explorerStore.ts';

interface Props<T> {
  value: Loadable<T>;
  what: string;
  children: (value: T) => ReactNode;
}

/** Shows a panel's loading, error and ready states the same way everywhere. */
export function LoadableView<T>({ value, what, children }: Props<T>) {
  switch (value.status) {
    case 'idle':
      return null;
    case 'loading':
      return (
        <p className="muted" role="status">
          Loading {what}
          {value.progress ? `: ${value.progress.phase} ${value.progress.done}${value.progress.total ? ` / ${value.progress.total}` : ''}` : '…'}
        </p>
      );
    case 'error':
      return (
        <div className="panel-error" role="alert" data-error-code={value.code}>
          <strong>{value.code}:</strong> {value.message}
        </div>
      );
    case 'ready':
      return <>{children(value.value)}</>;
  }
}

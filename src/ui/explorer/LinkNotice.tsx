import { useExplorerState } from '../shared/ExplorerContext.tsx';

/** What happened to the page's link (an unknown sample, a missing version, writes lost with a reload), said once. */
export function LinkNotice() {
  const notice = useExplorerState((s) => s.notice);
  if (!notice) return null;
  return (
    <p className={notice.level === 'error' ? 'panel-error' : 'notice'} role={notice.level === 'error' ? 'alert' : 'status'} data-testid="link-notice">
      {notice.message}
    </p>
  );
}

import { RetentionPreviewView } from './RetentionPreviewView.tsx';
import { LayoutPreviewView } from './LayoutPreviewView.tsx';

/** What maintenance would do to the table: VACUUM and log cleanup (retention), OPTIMIZE (layout). */
export function MaintenancePanel() {
  return (
    <section aria-labelledby="maintenance-title" className="panel">
      <h2 id="maintenance-title">Maintenance</h2>
      <RetentionPreviewView />
      <LayoutPreviewView />
    </section>
  );
}

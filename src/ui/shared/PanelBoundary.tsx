import { Component, type ReactNode } from 'react';

interface Props {
  title: string;
  children: ReactNode;
}

/** One error boundary per panel: a bug in one view leaves the rest of the page working. */
export class PanelBoundary extends Component<Props, { error?: Error }> {
  override state: { error?: Error } = {};

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (this.state.error) {
      return (
        <div className="panel-error" role="alert">
          <strong>{this.props.title} failed to render.</strong> {this.state.error.message}
        </div>
      );
    }
    return this.props.children;
  }
}

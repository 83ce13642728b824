// A render error must not lose the student's work: this shows what went
// wrong, the program text (already saved locally) and a way to reload.
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** The program text to show after a crash. */
  getText: () => string;
  /** Localised labels. */
  labels: { title: string; body: string; reload: string; program: string };
  children: ReactNode;
}

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(_error: Error, _info: ErrorInfo): void {
    // Nothing to report to: the app has no server. The fallback below says it all.
  }

  override render() {
    if (!this.state.error) return this.props.children;
    const { labels, getText } = this.props;
    return (
      <div className="crash" role="alert">
        <h1>{labels.title}</h1>
        <p>{labels.body}</p>
        <pre className="crash-detail">{String(this.state.error.message).slice(0, 500)}</pre>
        <textarea readOnly value={getText()} rows={10} aria-label={labels.program} />
        <button type="button" onClick={() => window.location.reload()}>
          {labels.reload}
        </button>
      </div>
    );
  }
}

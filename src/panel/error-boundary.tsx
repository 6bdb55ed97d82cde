import { Component, type ComponentChildren } from 'preact';

interface Props {
  children: ComponentChildren;
}

/** Names an error that broke the panel instead of leaving it blank: a blank panel tells the user nothing. */
export class ErrorBoundary extends Component<Props, { error?: unknown }> {
  override state: { error?: unknown } = {};

  override componentDidCatch(error: unknown) {
    this.setState({ error });
  }

  render() {
    return this.state.error === undefined ? this.props.children : <PanelError error={this.state.error} />;
  }
}

export function PanelError({ error }: { error: unknown }) {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return (
    <div class="empty" role="alert" data-testid="panel-error">
      <h1>CORS Lens could not show this panel</h1>
      <pre class="bad">{text}</pre>
      <p class="muted">
        Close and reopen DevTools to try again. If it happens again, please report this message.
      </p>
    </div>
  );
}

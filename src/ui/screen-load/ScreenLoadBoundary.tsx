import { Component, type ReactNode } from 'react';
import { Link } from 'wouter';
import { useI18n } from '../i18n/context.tsx';

// A screen loads on demand (app/screens.ts). Offline, before the service worker holds its chunk,
// that load fails; without a boundary React would unmount the whole app — the scan screen with it.
// So a failed screen says why, in the door's language, and the header and scanning stay.

function LoadFailed({ onRetry }: { onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <main className="panel" data-testid="screen-load-failed">
      <p role="alert">{t('screenLoad.failed')}</p>
      <div className="toolbar">
        <button type="button" onClick={onRetry}>
          {t('screenLoad.retry')}
        </button>
        <Link href="/">{t('screenLoad.toScan')}</Link>
      </div>
    </main>
  );
}

interface Props {
  /** Changes when the route changes: another screen gets its own chance to load. */
  resetKey: string;
  /** Lets the screens that failed load again (they keep a failure until told). */
  onRetry: () => void;
  children: ReactNode;
}

export class ScreenLoadBoundary extends Component<Props, { failed: boolean; resetKey: string }> {
  override state = { failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: Props, state: { failed: boolean; resetKey: string }) {
    return props.resetKey === state.resetKey ? null : { failed: false, resetKey: props.resetKey };
  }

  override render() {
    return this.state.failed ? <LoadFailed
        onRetry={() => {
          this.props.onRetry();
          this.setState({ failed: false });
        }}
      /> : this.props.children;
  }
}

// getUserMedia failures, mapped to what the person at the door can do about them.

export type CameraErrorKind =
  | 'permission_denied' // the user or the OS said no: site settings (Android), Settings › Safari › Camera (iOS)
  | 'no_camera' // no video input, or the chosen one is gone
  | 'in_use' // another app or tab holds the camera, or the OS failed to start it
  | 'insecure_context' // page not served over HTTPS (or localhost): browsers hide the camera
  | 'unsupported' // no mediaDevices.getUserMedia at all (old browser, some in-app web views)
  | 'other';

export interface CameraError {
  kind: CameraErrorKind;
  /** The browser's error name and message, for logs and support. */
  detail: string;
}

interface Env {
  isSecureContext: boolean;
}

export function toCameraError(err: unknown, env: Env = { isSecureContext: globalThis.isSecureContext !== false }): CameraError {
  const name = typeof err === 'object' && err !== null && 'name' in err ? String((err as { name: unknown }).name) : '';
  const message = err instanceof Error ? err.message : typeof err === 'string' ? err : '';
  const detail = [name, message].filter(Boolean).join(': ') || String(err);
  const kind = ((): CameraErrorKind => {
    if (!env.isSecureContext) return 'insecure_context';
    switch (name) {
      case 'NotAllowedError':
      case 'PermissionDeniedError':
      case 'SecurityError':
        return 'permission_denied';
      case 'NotFoundError':
      case 'DevicesNotFoundError':
      case 'OverconstrainedError':
      case 'ConstraintNotSatisfiedError':
        return 'no_camera';
      case 'NotReadableError':
      case 'TrackStartError':
      case 'AbortError':
        return 'in_use';
      case 'NotSupportedError':
        return 'unsupported';
      case 'TypeError':
        return 'unsupported';
      default:
        return 'other';
    }
  })();
  return { kind, detail };
}

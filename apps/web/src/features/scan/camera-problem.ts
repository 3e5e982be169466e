/** Why the live camera is not available; each has its own explanation (scan.json `camera.*`). */
export type CameraProblem = 'unsupported' | 'not-allowed' | 'no-camera' | 'in-use' | 'failed';

/**
 * The reason behind a `getUserMedia` rejection, from the DOMException's name (Media Capture and
 * Streams §10.2, plus the names older Chromium and Firefox still use).
 */
export function cameraProblemOf(error: unknown): CameraProblem {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'not-allowed';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
    case 'ConstraintNotSatisfiedError':
      return 'no-camera';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'in-use';
    default:
      return 'failed';
  }
}

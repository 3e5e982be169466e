import { describe, expect, it } from 'vitest';
import { cameraProblemOf } from './camera-problem';

const rejection = (name: string) => new DOMException('refused', name);

describe("why the camera is not available, from getUserMedia's rejection", () => {
  it.each([
    ['NotAllowedError', 'not-allowed'],
    ['SecurityError', 'not-allowed'],
    ['PermissionDeniedError', 'not-allowed'],
    ['NotFoundError', 'no-camera'],
    ['OverconstrainedError', 'no-camera'],
    ['DevicesNotFoundError', 'no-camera'],
    ['NotReadableError', 'in-use'],
    ['AbortError', 'in-use'],
  ])('%s means %s', (name, problem) => {
    expect(cameraProblemOf(rejection(name))).toBe(problem);
  });

  it('reads a plain Error with the same name (older browsers reject with objects shaped like it)', () => {
    const error = new Error('denied');
    error.name = 'NotAllowedError';
    expect(cameraProblemOf(error)).toBe('not-allowed');
  });

  it('takes anything else for a failure to start, not for a refusal', () => {
    expect(cameraProblemOf(rejection('SomethingNew'))).toBe('failed');
    expect(cameraProblemOf('boom')).toBe('failed');
  });
});

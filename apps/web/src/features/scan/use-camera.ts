import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type RefObject } from 'react';
import { cameraProblemOf, type CameraProblem } from './camera-problem';

export type CameraState =
  { status: 'starting' } | { status: 'live'; hasTorch: boolean } | { status: 'unavailable'; problem: CameraProblem };

/** The rear camera, at a resolution that reads small codes without overloading a low-end phone. */
const constraints: MediaStreamConstraints = {
  audio: false,
  video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
};

// `torch` is an image-capture extension TypeScript's DOM library does not list.
type TorchCapabilities = MediaTrackCapabilities & { torch?: boolean };

const subscribeToVisibility = (onChange: () => void) => {
  document.addEventListener('visibilitychange', onChange);
  return () => document.removeEventListener('visibilitychange', onChange);
};
const pageVisible = () => document.visibilityState === 'visible';

/**
 * The live camera shown in `video`. It runs only while the page is visible (a hidden page, a
 * locked phone, gives it up, and it comes back on return) and stops with the component.
 * `release()` stops it at once (after a successful scan, before anything else happens).
 */
export function useCamera(video: RefObject<HTMLVideoElement | null>) {
  const [state, setState] = useState<CameraState>({ status: 'starting' });
  const [torchOn, setTorchOn] = useState(false);
  const visible = useSyncExternalStore(subscribeToVisibility, pageVisible);
  const stream = useRef<MediaStream | null>(null);

  const release = useCallback(() => {
    stream.current?.getTracks().forEach((track) => track.stop());
    stream.current = null;
    if (video.current) video.current.srcObject = null;
  }, [video]);

  useEffect(() => {
    if (!visible) return;
    // Missing outside a secure context (plain http:// on a LAN address) and in old browsers.
    if (typeof navigator.mediaDevices?.getUserMedia !== 'function') {
      setState({ status: 'unavailable', problem: 'unsupported' });
      return;
    }
    let cancelled = false;
    setState({ status: 'starting' });
    setTorchOn(false);
    void (async () => {
      try {
        const opened = await navigator.mediaDevices.getUserMedia(constraints);
        if (cancelled) {
          opened.getTracks().forEach((track) => track.stop());
          return;
        }
        stream.current = opened;
        if (video.current) {
          video.current.srcObject = opened;
          await video.current.play();
        }
        const capabilities = opened.getVideoTracks()[0]?.getCapabilities?.() as TorchCapabilities | undefined;
        if (!cancelled) setState({ status: 'live', hasTorch: capabilities?.torch === true });
      } catch (error) {
        if (!cancelled) setState({ status: 'unavailable', problem: cameraProblemOf(error) });
      }
    })();
    return () => {
      cancelled = true;
      release();
    };
  }, [visible, video, release]);

  const setTorch = useCallback(async (on: boolean) => {
    const track = stream.current?.getVideoTracks()[0];
    if (!track) return;
    try {
      await track.applyConstraints({ advanced: [{ torch: on } as MediaTrackConstraintSet] });
      setTorchOn(on);
    } catch {
      // Some phones list a torch they then refuse to light: the button simply stays as it was.
    }
  }, []);

  return { state: visible ? state : ({ status: 'starting' } as const), torchOn, setTorch, release };
}

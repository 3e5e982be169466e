import { useId, useLayoutEffect, useRef, useState, type ChangeEvent } from 'react';
import { useI18n } from '../../lib/i18n';
import type { CameraProblem } from './camera-problem';
import { DecoderError } from './decoder-client';
import { identifyTextOf, type DecodedCode } from './scanned-text';
import { signalSuccess } from './success-signal';
import { useCamera } from './use-camera';
import { errorDetail, useDecoder } from './use-decoder';
import { useFrameScanning } from './use-frame-scanning';

interface Props {
  onClose: () => void;
  /** The text for the identify box (see scanned-text.ts); the scanner has closed its camera already. */
  onDetected: (text: string) => void;
}

type PhotoState = 'idle' | 'decoding' | 'no-code' | 'unreadable';

/**
 * The full-screen scanner: the rear camera's live view with a guide, read continuously by
 * the decoder worker, a light switch where the phone has one, and a photo from the gallery
 * at any time (and as the way out when there is no camera or it is refused).
 * Loaded on demand by ScanButton: this file, the worker and the decoder are not in the page.
 */
export default function ScannerDialog({ onClose, onDetected }: Props) {
  const { t } = useI18n();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const video = useRef<HTMLVideoElement>(null);
  const guide = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const camera = useCamera(video);
  const decoder = useDecoder();
  const [photo, setPhoto] = useState<PhotoState>('idle');
  const [failure, setFailure] = useState<string | null>(null);
  const detected = useRef(false);
  const [found, setFound] = useState(false);

  // A modal <dialog>: the page behind is inert (focus stays inside), Escape is handled below.
  useLayoutEffect(() => {
    const element = dialog.current;
    element?.showModal();
    closeButton.current?.focus();
    return () => element?.close();
  }, []);

  const succeed = (code: DecodedCode) => {
    if (detected.current) return;
    detected.current = true;
    setFound(true);
    camera.release();
    signalSuccess();
    onDetected(identifyTextOf(code));
  };
  const fail = (error: unknown) => setFailure(errorDetail(error));

  const client = decoder?.client ?? null;
  useFrameScanning({
    active:
      camera.state.status === 'live' &&
      decoder?.status === 'ready' &&
      photo !== 'decoding' &&
      !found &&
      failure === null,
    video,
    guide,
    decoder: client,
    onCode: succeed,
    onError: fail,
  });

  const readPhoto = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // the same photo can be chosen again
    if (!file || !client) return;
    setPhoto('decoding');
    try {
      const code = await client.decode({ kind: 'photo', image: file });
      if (code) succeed(code);
      else setPhoto('no-code');
    } catch (error) {
      if (error instanceof DecoderError && error.failure === 'image-unreadable') {
        setPhoto('unreadable');
      } else {
        setPhoto('idle');
        fail(error);
      }
    }
  };

  const problem = camera.state.status === 'unavailable' ? camera.state.problem : null;
  const decoderFailure = decoder?.status === 'failed' ? decoder.detail : failure;
  const live = camera.state.status === 'live';
  const hasTorch = camera.state.status === 'live' && camera.state.hasTorch;

  const status = (() => {
    if (photo === 'decoding') return t('scan.status.decodingPhoto');
    if (photo === 'no-code') return t('scan.photo.noCode');
    if (photo === 'unreadable') return t('scan.photo.unreadable');
    if (problem) return cameraExplanation(problem, t);
    if (!live || decoder?.status !== 'ready') return t('scan.status.starting');
    return t('scan.status.scanning');
  })();

  return (
    <dialog
      ref={dialog}
      className="scanner"
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        event.preventDefault(); // React decides when it closes
        onClose();
      }}
    >
      <div className="scanner-bar">
        <h2 id={`${id}-title`}>{t('scan.title')}</h2>
        <button ref={closeButton} type="button" className="button" onClick={onClose}>
          {t('scan.close')}
        </button>
      </div>

      <div className={problem ? 'scanner-view scanner-view-off' : 'scanner-view'}>
        <video ref={video} muted playsInline aria-hidden="true" />
        {!problem && (
          <div ref={guide} className="scanner-guide" aria-hidden="true">
            <span className="scanner-corner scanner-corner-start-top" />
            <span className="scanner-corner scanner-corner-end-top" />
            <span className="scanner-corner scanner-corner-start-bottom" />
            <span className="scanner-corner scanner-corner-end-bottom" />
          </div>
        )}
      </div>

      <div className="scanner-panel">
        <p
          className={
            photo === 'no-code' || photo === 'unreadable' || problem ? 'scanner-status notice' : 'scanner-status'
          }
          role="status"
        >
          {status}
        </p>
        {decoderFailure !== null && (
          <div className="alert" role="alert">
            <p>{t('scan.decoderFailed')}</p>
            <p>
              <code>{t('scan.errorDetail', { detail: decoderFailure })}</code>
            </p>
          </div>
        )}
        <div className="scanner-actions">
          {hasTorch && (
            <button
              type="button"
              className="button"
              aria-pressed={camera.torchOn}
              onClick={() => void camera.setTorch(!camera.torchOn)}
            >
              {t('scan.torch')}
            </button>
          )}
          <button
            type="button"
            className={problem ? 'button primary' : 'button'}
            disabled={!client || photo === 'decoding'}
            onClick={() => fileInput.current?.click()}
          >
            {t('scan.choosePhoto')}
          </button>
        </div>
        {/* No `capture` attribute: phones then offer the gallery as well as the camera. */}
        <input
          ref={fileInput}
          className="visually-hidden"
          type="file"
          accept="image/*"
          tabIndex={-1}
          aria-hidden="true"
          onChange={(event) => void readPhoto(event)}
        />
      </div>
    </dialog>
  );
}

function cameraExplanation(problem: CameraProblem, t: (key: string) => string): string {
  switch (problem) {
    case 'unsupported':
      return t('scan.camera.unsupported');
    case 'not-allowed':
      return t('scan.camera.notAllowed');
    case 'no-camera':
      return t('scan.camera.noCamera');
    case 'in-use':
      return t('scan.camera.inUse');
    case 'failed':
      return t('scan.camera.failed');
  }
}

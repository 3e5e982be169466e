import type { Case, CasePhoto } from '@verity/contract';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { isApiError } from '../../../lib/api';
import { errorMessage, useI18n } from '../../../lib/i18n';
import { PhotoThumb, PhotoZoom } from '../../../shared/product-sheet/photo-zoom';
import { deletePhoto } from '../conversation-api';
import { compressImage, jpegName } from '../uploads/compress';
import { usePhotoArrivals, useUploads } from '../uploads/use-uploads';
import '../conversation.css';

/** A line's short name, to say which goods a photo shows. */
export function lineName(line: Case['lines'][number], lang: string, position: number): string {
  const name = line.product
    ? (line.product.name[lang as keyof typeof line.product.name] ?? Object.values(line.product.name)[0])
    : (line.description ?? line.brand?.name);
  return `${position}. ${name ?? ''}${line.brand && line.product ? ` · ${line.brand.name}` : ''}`;
}

interface Props {
  caseId: string;
  photos: CasePhoto[];
  lines: Case['lines'];
  /** Customs add photos until the case is closed (Case.can.photo). */
  canAdd: boolean;
  /** Photos are taken back only while the case is a draft. */
  canDelete: boolean;
}

/**
 * The case's photos: a gallery (tap to enlarge) and, for customs, "Add photos" from the phone's
 * camera. Each photo is made smaller on the device, then sent in the background in chunks
 * (uploads/upload-queue.ts): the officer goes on typing, and a reload or a lost connection
 * resumes where it stopped.
 */
export function CasePhotos({ caseId, photos: initial, lines, canAdd, canDelete }: Props) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [photos, setPhotos] = useState(initial);
  const [preparing, setPreparing] = useState<string[]>([]);
  const [zoomed, setZoomed] = useState<{ photo: CasePhoto; label: string } | null>(null);
  const [announce, setAnnounce] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  /** The line the next photos show (none: the whole case, seen by every right holder). */
  const [nextLine, setNextLine] = useState('');
  const { entries, queue, userId } = useUploads(caseId, 'photo');
  const previews = useRef(new Map<string, string>());

  useEffect(() => setPhotos(initial), [initial]);
  usePhotoArrivals(
    caseId,
    useCallback(
      (_caseId: string, photo: CasePhoto) => {
        setPhotos((all) => (all.some((p) => p.id === photo.id) ? all : [...all, photo]));
        setAnnounce(t('conversation.photos.added', { name: photo.name }));
      },
      [t],
    ),
  );
  useEffect(() => {
    const urls = previews.current;
    return () => urls.forEach((url) => URL.revokeObjectURL(url));
  }, []);
  const previewOf = (key: string, blob: Blob) => {
    let url = previews.current.get(key);
    if (!url) {
      url = URL.createObjectURL(blob);
      previews.current.set(key, url);
    }
    return url;
  };

  const add = async (files: FileList | null) => {
    if (!files) return;
    const chosen = [...files];
    setPreparing((names) => [...names, ...chosen.map((f) => f.name)]);
    for (const file of chosen) {
      const blob = await compressImage(file);
      const name = blob === file ? file.name : jpegName(file.name);
      await queue.add({
        userId,
        caseId,
        purpose: 'photo',
        name,
        blob,
        lineId: lines.some((l) => l.id === nextLine) ? nextLine : null,
      });
      setPreparing((names) => {
        const index = names.indexOf(file.name);
        return index < 0 ? names : [...names.slice(0, index), ...names.slice(index + 1)];
      });
    }
  };

  const remove = async (photo: CasePhoto, number: number) => {
    if (!window.confirm(t('conversation.photos.confirmDelete', { number }))) return;
    setProblem(null);
    try {
      await deletePhoto(caseId, photo.id);
      setPhotos((all) => all.filter((p) => p.id !== photo.id));
    } catch (error) {
      setProblem(errorMessage(i18n, isApiError(error) ? error.code : 'NETWORK_ERROR'));
    }
  };

  const sending = entries.filter((e) => e.state !== 'failed').length + preparing.length;
  const labelOf = (index: number) => t('conversation.photos.photoAlt', { number: index + 1 });

  return (
    <section className="card case-photos" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('conversation.photos.title')}</h2>
      {canAdd && (
        <div className="case-photos-add">
          {lines.length > 0 && (
            <div className="case-field">
              <label htmlFor={`${id}-line`}>{t('conversation.photos.nextLine')}</label>
              <select id={`${id}-line`} value={nextLine} onChange={(event) => setNextLine(event.target.value)}>
                <option value="">{t('conversation.photos.wholeCase')}</option>
                {lines.map((line, index) => (
                  <option key={line.id} value={line.id}>
                    {lineName(line, lang, index + 1)}
                  </option>
                ))}
              </select>
            </div>
          )}
          <input
            ref={input}
            id={`${id}-input`}
            className="visually-hidden"
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            aria-describedby={`${id}-hint`}
            onChange={(event) => {
              void add(event.target.files);
              event.target.value = '';
            }}
          />
          {/* The label is the big button (the input before it takes the focus): one tap opens the camera. */}
          <label htmlFor={`${id}-input`} className="button primary case-photos-button">
            {t('conversation.photos.add')}
          </label>
          <p id={`${id}-hint`} className="hint">
            {t('conversation.photos.addHint')}
          </p>
        </div>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {sending > 0 ? t('conversation.photos.sending', { count: sending }) : announce}
      </p>
      {problem && (
        <p className="alert" role="alert">
          {problem}
        </p>
      )}
      {photos.length === 0 && entries.length === 0 && preparing.length === 0 && (
        <p className="muted">{t('conversation.photos.none')}</p>
      )}
      <ul className="photo-grid case-photo-grid">
        {photos.map((photo, index) => {
          const line = lines.findIndex((l) => l.id === photo.lineId);
          return (
            <li key={photo.id} className="photo">
              <PhotoThumb
                image={{ ...photo, width: photo.width ?? 0, height: photo.height ?? 0 }}
                label={labelOf(index)}
                onOpen={() => setZoomed({ photo, label: labelOf(index) })}
              />
              <p className="hint">
                {line >= 0 ? lineName(lines[line]!, lang, line + 1) : t('conversation.photos.wholeCase')}
              </p>
              {canDelete && (
                <button type="button" className="button" onClick={() => void remove(photo, index + 1)}>
                  {t('conversation.photos.delete')}
                  <span className="visually-hidden"> {labelOf(index)}</span>
                </button>
              )}
            </li>
          );
        })}
        {preparing.map((name, index) => (
          <li key={`preparing-${index}`} className="photo pending" aria-busy="true">
            <p className="hint">{t('conversation.photos.preparing', { name })}</p>
          </li>
        ))}
        {entries.map((entry) => (
          <li key={entry.key} className="photo pending" aria-busy={entry.state === 'uploading'}>
            <img src={previewOf(entry.key, entry.blob)} alt={entry.name} width={96} height={96} />
            <progress
              max={entry.size}
              value={entry.offset}
              aria-label={t('conversation.photos.progressOf', { name: entry.name })}
            />
            <p className="hint">
              {entry.state === 'retrying'
                ? t('conversation.photos.retrying')
                : entry.state === 'failed'
                  ? errorMessage(i18n, entry.code ?? 'UNEXPECTED_RESPONSE')
                  : t('conversation.photos.percent', { percent: Math.floor((100 * entry.offset) / entry.size) })}
            </p>
            {lines.length > 0 && entry.state !== 'failed' && (
              <label className="case-photo-line">
                {t('conversation.photos.line')}
                <select
                  value={entry.lineId ?? ''}
                  onChange={(e) => void queue.setLine(entry.key, e.target.value || null)}
                >
                  <option value="">{t('conversation.photos.wholeCase')}</option>
                  {lines.map((line, index) => (
                    <option key={line.id} value={line.id}>
                      {lineName(line, lang, index + 1)}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {entry.state === 'failed' && (
              <button type="button" className="button" onClick={() => void queue.retry(entry.key)}>
                {t('conversation.photos.retry')}
              </button>
            )}
            {(entry.state === 'failed' || entry.state === 'retrying') && (
              <button type="button" className="button" onClick={() => void queue.remove(entry.key)}>
                {t('conversation.photos.remove', { name: entry.name })}
              </button>
            )}
          </li>
        ))}
      </ul>
      {zoomed && (
        <PhotoZoom
          image={{ ...zoomed.photo, width: zoomed.photo.width ?? 0, height: zoomed.photo.height ?? 0 }}
          label={zoomed.label}
          onClose={() => setZoomed(null)}
        />
      )}
    </section>
  );
}

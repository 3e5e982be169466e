import type { Language } from '@verity/contract';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { errorMessage, useI18n } from '../../../lib/i18n';
import { addRecent } from '../../../lib/recents';
import { navigate } from '../../../lib/router';
import type { Alert } from '@verity/contract';
import { RiskAlertList } from '../../../shared/risk-alerts/risk-alert-list';
import { listAlertsInForce } from '../api';
import { ParsedCode } from '../components/parsed-code';
import { ProductList } from '../components/product-list';
import { useIdentify, type IdentifyState } from '../use-identify';

interface Props {
  lang: Language;
  /** Called (stable callback) when the server says the session has ended. */
  onAuthRequired: () => void;
  /** What the box starts with (`/?code=…`, e.g. a scan with several matches). */
  initialInput?: string;
  /** The Scan button, given a callback for a decoded code (composed by the shell). */
  scanButton?: (onDetected: (text: string) => void) => ReactNode;
}

/** One box for anything an officer can type or paste; the answer appears as they type. */
export function IdentifyScreen({ lang, onAuthRequired, initialInput = '', scanButton }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const [input, setInput] = useState(initialInput);
  // The code last scanned: its answer decides where to go (one match: straight to the sheet).
  const [scanned, setScanned] = useState<string | null>(null);
  const state = useIdentify(input, lang, onAuthRequired);
  const inputRef = useRef<HTMLInputElement>(null);

  // The box is why the officer signed in: put the cursor there.
  useEffect(() => inputRef.current?.focus(), []);

  // The alerts in force for the officer's country, shown while nothing is being identified.
  const [alertsInForce, setAlertsInForce] = useState<Alert[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    listAlertsInForce(controller.signal).then(
      (list) => setAlertsInForce(list.items),
      () => {}, // a role without alerts, or offline: the screen works without them
    );
    return () => controller.abort();
  }, []);

  useEffect(() => {
    if (scanned === null || state.status !== 'done' || state.result.input !== scanned) return;
    setScanned(null);
    const { products, matchedBy } = state.result;
    const only = products.length === 1 && matchedBy !== 'none' ? products[0] : undefined;
    addRecent({ kind: 'scan', text: scanned, productId: only?.id, productName: only?.name });
    // Keep the code in the address, so Back from the sheet returns to this answer.
    navigate(`/?code=${encodeURIComponent(scanned)}`, { replace: true });
    if (only) navigate(`/products/${only.id}`);
  }, [scanned, state]);

  const onDetected = (text: string) => {
    setInput(text);
    setScanned(text);
  };

  const result = state.status === 'done' || state.status === 'loading' ? state.result : undefined;

  return (
    <section className="card identify" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{t('identify.title')}</h1>
      <form role="search" onSubmit={(event) => event.preventDefault()}>
        <label htmlFor={`${id}-input`}>{t('identify.label')}</label>
        <p id={`${id}-hint`} className="hint">
          {t('identify.hint')}
        </p>
        <input
          id={`${id}-input`}
          ref={inputRef}
          className="identify-input"
          type="text"
          name="code"
          maxLength={4096}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint="search"
          value={input}
          onChange={(event) => setInput(event.target.value)}
          aria-describedby={`${id}-hint`}
        />
      </form>
      {scanButton?.(onDetected)}

      <p className="visually-hidden" role="status">
        {announcement(state, i18n)}
      </p>
      {scanned !== null && <p className="muted">{t('identify.scanLookingUp')}</p>}
      {state.status === 'loading' && (
        <p className="muted" aria-hidden="true">
          {t('identify.searching')}
        </p>
      )}
      {state.status === 'failed' && <p className="alert">{errorMessage(i18n, state.code)}</p>}
      {!result && state.status === 'idle' && <RiskAlertList alerts={alertsInForce} />}
      {result && (
        <div className="results" aria-busy={state.status === 'loading'}>
          <RiskAlertList alerts={result.alerts} />
          <ParsedCode parsed={result.parsed} input={result.input} />
          <ProductList products={result.products} matchedBy={result.matchedBy} />
        </div>
      )}
    </section>
  );
}

/** A short sentence for screen readers when an answer arrives (the details are below it). */
function announcement(state: IdentifyState, i18n: ReturnType<typeof useI18n>): string {
  const { t } = i18n;
  switch (state.status) {
    case 'idle':
    case 'loading':
      return '';
    case 'failed':
      return errorMessage(i18n, state.code);
    case 'done': {
      const { parsed, products } = state.result;
      const found =
        products.length > 0
          ? t('identify.products.count', { count: products.length })
          : t('identify.products.notInCatalog');
      return parsed.valid || parsed.kind === 'text' ? found : `${t('identify.parsed.invalid')}. ${found}`;
    }
  }
}

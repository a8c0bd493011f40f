import {
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
} from 'react';
import { ApiError } from './api';

/** The page's one heading and its title in the tab; `action` is the page's primary action. */
export function Page({
  title,
  action,
  children,
}: {
  title: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  useEffect(() => {
    document.title = `${title} · ${document.querySelector('meta[name="application-name"]')?.getAttribute('content') ?? 'Fleet'}`;
  }, [title]);
  return (
    <>
      <div className="page-head">
        <h1>{title}</h1>
        {action}
      </div>
      {children}
    </>
  );
}

type FieldProps = { label: string; error?: string; hint?: string } & InputHTMLAttributes<HTMLInputElement>;

/** A labelled input; its error (named by the API) is announced and tied to it. */
export function Field({ label, error, hint, id, ...input }: FieldProps) {
  const auto = useId();
  const fieldId = id ?? auto;
  const described = [hint && `${fieldId}-hint`, error && `${fieldId}-error`].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={fieldId}>{label}</label>
      {hint && (
        <small id={`${fieldId}-hint`} className="hint">
          {hint}
        </small>
      )}
      <input
        id={fieldId}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        {...input}
      />
      {error && (
        <span id={`${fieldId}-error`} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}

type SelectProps = {
  label: string;
  error?: string;
  options: ReadonlyArray<readonly [string, string]>;
} & SelectHTMLAttributes<HTMLSelectElement>;

export function Select({ label, error, options, id, ...select }: SelectProps) {
  const auto = useId();
  const fieldId = id ?? auto;
  return (
    <div className="field">
      <label htmlFor={fieldId}>{label}</label>
      <select
        id={fieldId}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${fieldId}-error` : undefined}
        {...select}
      >
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
      {error && (
        <span id={`${fieldId}-error`} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}

/**
 * The API's refusal, as it said it (problem+json title, detail and code). Field errors shown next
 * to their fields are not repeated; others are listed here.
 */
export function ProblemAlert({ error, shownPaths = [] }: { error: unknown; shownPaths?: string[] }) {
  if (!error) return null;
  const problem = error instanceof ApiError ? error.problem : undefined;
  const rest = (problem?.errors ?? []).filter((e) => !shownPaths.includes(e.path));
  return (
    <div role="alert" className="alert">
      <strong>{problem?.title ?? 'Something went wrong'}</strong>
      {problem?.detail && <p>{problem.detail}</p>}
      {!problem && <p>{error instanceof Error ? error.message : String(error)}</p>}
      {rest.length > 0 && (
        <ul>
          {rest.map((e) => (
            <li key={e.path + e.message}>
              {e.path}: {e.message}
            </li>
          ))}
        </ul>
      )}
      {problem?.code && <small className="code">code: {problem.code}</small>}
    </div>
  );
}

/**
 * A button that asks first, in a modal <dialog> (focus moves in and back, Escape closes).
 * `children` are extra fields of the confirmation (an amount, a tracking number). The action's
 * refusal is shown inside the dialog, which then stays open.
 */
export function ConfirmButton({
  label,
  title,
  message,
  confirmLabel,
  danger,
  disabled,
  onConfirm,
  children,
}: {
  label: string;
  title: string;
  message: ReactNode;
  confirmLabel?: string;
  danger?: boolean;
  /** The opening button is disabled (nothing to act on yet). */
  disabled?: boolean;
  onConfirm: () => Promise<unknown>;
  children?: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const headingId = useId();
  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await onConfirm();
      dialog.current?.close();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        className={danger ? 'danger' : undefined}
        disabled={disabled}
        onClick={() => dialog.current?.showModal()}
      >
        {label}
      </button>
      <dialog ref={dialog} aria-labelledby={headingId} onClose={() => setError(undefined)}>
        <form
          method="dialog"
          onSubmit={(e) => {
            e.preventDefault();
            void confirm();
          }}
        >
          <h2 id={headingId}>{title}</h2>
          <div>{message}</div>
          {children}
          <ProblemAlert error={error} />
          <div className="actions">
            <button type="button" onClick={() => dialog.current?.close()}>
              Keep as is
            </button>
            <button type="submit" className={danger ? 'danger' : 'primary'} disabled={busy}>
              {confirmLabel ?? label}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}

/** Server paging: the API's opaque cursor; "first page" goes back to the start. */
export function Pager({
  cursor,
  nextCursor,
  onChange,
}: {
  cursor?: string | null;
  nextCursor?: string | null;
  onChange: (cursor: string | undefined) => void;
}) {
  if (!cursor && !nextCursor) return null;
  return (
    <nav className="pager" aria-label="Pages">
      <button type="button" disabled={!cursor} onClick={() => onChange(undefined)}>
        First page
      </button>
      <button type="button" disabled={!nextCursor} onClick={() => onChange(nextCursor ?? undefined)}>
        Next page
      </button>
    </nav>
  );
}

/** Loads on mount and when `deps` change; `reload` runs it again. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}

export function Loading({ what }: { what: string }) {
  return (
    <p role="status" className="muted">
      Loading {what}…
    </p>
  );
}

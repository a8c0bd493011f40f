import { useState, type FormEvent } from 'react';
import { fieldErrors, ProblemAlert } from '@fleet/web-common';
import { api, type StockLevel } from '../api';

/** Sets a variant's units on hand (`PUT /api/admin/inventory/{variantId}`); the API's refusal shows here. */
export function OnHandForm({
  level,
  label,
  onSaved,
}: {
  level: StockLevel;
  label: string;
  onSaved: (level: StockLevel) => void;
}) {
  const [value, setValue] = useState(String(level.onHand));
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const inputId = `on-hand-${level.variantId}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const onHand = /^\d+$/.test(value.trim()) ? Number(value.trim()) : value;
      onSaved(
        await api.request<StockLevel>('PUT', `/api/admin/inventory/${encodeURIComponent(level.variantId)}`, {
          body: { onHand, ...(level.productId ? { productId: level.productId } : {}) },
        }),
      );
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const fieldError = fieldErrors(error).onHand;
  return (
    <form className="inline-form" onSubmit={submit}>
      <label htmlFor={inputId} className="visually-hidden">
        On hand for {label}
      </label>
      <input
        id={inputId}
        inputMode="numeric"
        size={6}
        value={value}
        aria-invalid={fieldError ? true : undefined}
        aria-describedby={fieldError ? `${inputId}-error` : undefined}
        onChange={(e) => setValue(e.target.value)}
      />
      <button type="submit" disabled={busy}>
        Save<span className="visually-hidden"> on hand for {label}</span>
      </button>
      {fieldError ? (
        <span id={`${inputId}-error`} className="field-error">
          {fieldError}
        </span>
      ) : (
        <ProblemAlert error={error} />
      )}
    </form>
  );
}

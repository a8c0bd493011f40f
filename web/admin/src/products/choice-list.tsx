/** A fieldset of checkboxes over named things (categories, collections): ticks the ids in `value`. */
export function ChoiceList({
  legend,
  choices,
  value,
  error,
  onChange,
}: {
  legend: string;
  choices: { id: string; label: string }[];
  value: string[];
  error?: string;
  onChange: (ids: string[]) => void;
}) {
  if (choices.length === 0) return null;
  return (
    <fieldset>
      <legend>{legend}</legend>
      {choices.map((c) => (
        <label key={c.id} className="check">
          <input
            type="checkbox"
            checked={value.includes(c.id)}
            onChange={(e) => onChange(e.target.checked ? [...value, c.id] : value.filter((x) => x !== c.id))}
          />{' '}
          {c.label}
        </label>
      ))}
      {error && <span className="field-error">{error}</span>}
    </fieldset>
  );
}

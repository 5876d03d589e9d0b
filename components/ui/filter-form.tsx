// The filters above a list: a plain GET form (works without JavaScript, the filters stay in the address) of choice
// lists, each with an "any" first, and dates, each field with its error beside it, and one button to apply them.
import { SelectField } from './select-field';
import { TextField } from './text-field';

interface FilterBase {
  /** The query parameter; the field's id is `filter-<name>`. */
  name: string;
  label: string;
  /** The value in the address now ('' or absent: any). */
  value: string | undefined;
  error?: string | null;
}

export type Filter = FilterBase & ({ options: { value: string; label: string }[] } | { type: 'date' });

// Literal class names, so Tailwind finds them: one column per field and one for the button.
const COLUMNS: Record<number, string> = {
  2: 'sm:grid-cols-2',
  3: 'sm:grid-cols-3',
  4: 'sm:grid-cols-4',
  5: 'sm:grid-cols-5',
};

export function FilterForm({
  action,
  label,
  anyLabel,
  applyLabel,
  filters,
}: {
  action: string;
  /** The form's accessible name. */
  label: string;
  /** The first option of every choice list. */
  anyLabel: string;
  applyLabel: string;
  filters: Filter[];
}) {
  return (
    <form
      method="get"
      action={action}
      className={`mb-6 grid gap-x-4 ${COLUMNS[filters.length + 1] ?? 'sm:grid-cols-5'} sm:items-end`}
      aria-label={label}
    >
      {filters.map((filter) =>
        'options' in filter ? (
          <SelectField
            key={filter.name}
            id={`filter-${filter.name}`}
            name={filter.name}
            label={filter.label}
            defaultValue={filter.value ?? ''}
            error={filter.error}
          >
            <option value="">{anyLabel}</option>
            {filter.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </SelectField>
        ) : (
          <TextField
            key={filter.name}
            id={`filter-${filter.name}`}
            name={filter.name}
            type={filter.type}
            label={filter.label}
            defaultValue={filter.value}
            error={filter.error}
          />
        ),
      )}
      <div className="mb-5">
        <button type="submit" className="button button-secondary">
          {applyLabel}
        </button>
      </div>
    </form>
  );
}

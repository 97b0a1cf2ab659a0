export interface Choice<T extends string> {
  value: T;
  label: string;
  /** Said under the radios once this choice is taken: what will happen. */
  hint?: string;
}

interface ChoiceFieldsetProps<T extends string> {
  legend: string;
  /** The radios' name. */
  name: string;
  choices: readonly Choice<T>[];
  value: T | null;
  onChange: (value: T) => void;
  disabled?: boolean;
  /** data-testid of the hint of the chosen option. */
  hintTestId?: string;
}

/** One decision of a task form as radios (e.g. resubmit / appeal / write off), with the hint of the one chosen. */
export function ChoiceFieldset<T extends string>(props: ChoiceFieldsetProps<T>) {
  const { legend, name, choices, value, onChange, disabled, hintTestId } = props;
  const hint = choices.find((choice) => choice.value === value)?.hint;
  return (
    <fieldset className="choice" disabled={disabled}>
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <label key={choice.value}>
          <input
            type="radio"
            name={name}
            value={choice.value}
            checked={value === choice.value}
            onChange={() => onChange(choice.value)}
          />
          {choice.label}
        </label>
      ))}
      {hint && (
        <p className="hint" data-testid={hintTestId}>
          {hint}
        </p>
      )}
    </fieldset>
  );
}

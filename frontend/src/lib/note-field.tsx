import type { TextareaHTMLAttributes } from 'react';

type NoteFieldProps = {
  /** The label above the text area. */
  label?: string;
  testId: string;
  value: string;
  onChange: (value: string) => void;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange'>;

/** The free-text note of a task form, labelled above the text area; other attributes go to the text area. */
export function NoteField({ label = 'Note', testId, value, onChange, rows = 3, ...textarea }: NoteFieldProps) {
  return (
    <label className="stacked">
      {label}
      <textarea data-testid={testId} rows={rows} value={value} onChange={(e) => onChange(e.target.value)} {...textarea} />
    </label>
  );
}

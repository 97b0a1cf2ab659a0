import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { NoteField } from '@/lib/note-field';

function Harness(props: { label?: string; maxLength?: number }) {
  const [note, setNote] = useState('');
  return (
    <>
      <NoteField testId="some-note" value={note} onChange={setNote} {...props} />
      <output data-testid="note">{note}</output>
    </>
  );
}

describe('NoteField', () => {
  it('is a text area labelled "Note" by default that reports what is typed', async () => {
    render(<Harness />);
    const note = screen.getByLabelText('Note');
    expect(note).toBe(screen.getByTestId('some-note'));
    expect(note.tagName).toBe('TEXTAREA');
    expect(note).toHaveAttribute('rows', '3');
    await userEvent.type(note, 'Called the payer');
    expect(screen.getByTestId('note')).toHaveTextContent('Called the payer');
  });

  it('takes another label and passes other attributes to the text area', () => {
    render(<Harness label="What was done" maxLength={20} />);
    expect(screen.getByLabelText('What was done')).toHaveAttribute('maxlength', '20');
  });
});

import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api-client';
import { Loaded } from '@/lib/loaded';
import type { QueryState } from '@/lib/use-query';

function query<T>(state: Partial<QueryState<T>>): QueryState<T> {
  return { data: undefined, error: null, loading: false, reload: () => {}, ...state };
}

describe('Loaded', () => {
  it('says what it is loading until the data first arrives', () => {
    render(<Loaded query={query<string>({ loading: true })} what="appeal">{(text) => <p>{text}</p>}</Loaded>);
    expect(screen.getByRole('status')).toHaveTextContent(/^Loading appeal…$/);
  });

  it('keeps showing the data while the query reloads', () => {
    render(<Loaded query={query({ data: 'Claim C-1', loading: true })} what="claim">{(text) => <p>{text}</p>}</Loaded>);
    expect(screen.getByText('Claim C-1')).toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('shows why the data could not be loaded, without a retry unless asked for', () => {
    const error = new ApiError(404, { status: 404, detail: 'No denial 9' });
    render(<Loaded query={query<string>({ error })} what="denial">{(text) => <p>{text}</p>}</Loaded>);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(/^Could not load the denial: No denial 9$/);
    expect(alert).toHaveClass('alert', 'alert--error');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('shows the error rather than stale data, and reloads on "Try again" when retry is on', async () => {
    const reload = vi.fn();
    render(
      <Loaded query={query({ data: 'stale', error: new Error('Boom'), reload })} what="audit" retry>
        {(text) => <p>{text}</p>}
      </Loaded>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(/^Could not load the audit: Boom Try again$/);
    expect(screen.queryByText('stale')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(reload).toHaveBeenCalledOnce();
  });

  it('hands the data to its children once loaded', () => {
    render(<Loaded query={query({ data: { claimNumber: 'C-7' } })} what="claim">{(claim) => <h2>Claim {claim.claimNumber}</h2>}</Loaded>);
    expect(screen.getByRole('heading')).toHaveTextContent('Claim C-7');
  });
});

import { useEffect, useId, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { errorMessage } from '@/lib/api-client';
import { searchCodes } from '@/features/coding/api/search-codes';
import type { CodeEntry, CodeSystem } from '@/features/coding/api/types';

/** Long enough to skip a search per keystroke of a fast typist, short enough to feel instant. */
const SEARCH_DELAY_MS = 120;
const RESULT_LIMIT = 10;

type SearchState =
  | { status: 'idle' }
  | { status: 'loading'; results: CodeEntry[] }
  | { status: 'done'; results: CodeEntry[] }
  | { status: 'error'; message: string };

interface CodePickerProps {
  testId: string;
  label: string;
  value: string;
  onChange: (text: string) => void;
  /** Which code set to search for the text typed so far. */
  systemFor: (text: string) => CodeSystem;
  dateOfService: string | null;
  /** A suggestion was chosen (Enter or click); the input already shows its code. */
  onPick: (entry: CodeEntry) => void;
  /** Enter was pressed: after a pick, or to take the typed code as it is. */
  onEnter: () => void;
  onBlur?: (text: string) => void;
  inputRef?: Ref<HTMLInputElement>;
  invalid?: boolean;
  describedBy?: string;
}

export const displayCode = (entry: CodeEntry) => entry.display || entry.code;

/**
 * A code input that searches as the coder types: arrows move through the suggestions, Enter takes the
 * highlighted one (or the typed code when none is highlighted), Escape closes the list. Nothing is replaced
 * unless the coder chooses it.
 */
export function CodePicker({
  testId,
  label,
  value,
  onChange,
  systemFor,
  dateOfService,
  onPick,
  onEnter,
  onBlur,
  inputRef,
  invalid,
  describedBy,
}: CodePickerProps) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [search, setSearch] = useState<SearchState>({ status: 'idle' });
  const [term, setTerm] = useState<string | null>(null);
  const latest = useRef(0);

  useEffect(() => {
    if (term === null) return;
    const q = term.trim();
    if (q === '') {
      setSearch({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    const request = ++latest.current;
    // Old suggestions go at once: Enter must never pick a code for text the coder has since changed.
    setSearch({ status: 'loading', results: [] });
    const timer = setTimeout(() => {
      searchCodes(systemFor(q), q, { dos: dateOfService, limit: RESULT_LIMIT, signal: controller.signal }).then(
        (page) => {
          if (request !== latest.current) return;
          setSearch({ status: 'done', results: page.content });
          setActive((a) => (a >= page.content.length ? page.content.length - 1 : a));
        },
        (err: unknown) => {
          if (controller.signal.aborted || request !== latest.current) return;
          setSearch({ status: 'error', message: errorMessage(err) });
        },
      );
    }, SEARCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // systemFor and dateOfService are fixed for one form.
  }, [term]);

  const results = search.status === 'done' || search.status === 'loading' ? search.results : [];
  const showList = open && search.status !== 'idle';

  const close = () => {
    setOpen(false);
    setActive(-1);
  };

  const pick = (entry: CodeEntry) => {
    onChange(displayCode(entry));
    onPick(entry);
    close();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Alt/Ctrl/Meta chords are the form's shortcuts.
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open || search.status === 'idle') {
          setOpen(true);
          setTerm(value);
          return;
        }
        setActive((a) => Math.min(a + 1, results.length - 1));
        return;
      case 'ArrowUp':
        if (!showList) return;
        event.preventDefault();
        setActive((a) => Math.max(a - 1, -1));
        return;
      case 'Escape':
        if (!showList) return;
        event.preventDefault();
        event.stopPropagation();
        close();
        return;
      case 'Enter':
        event.preventDefault();
        if (showList && active >= 0 && results[active]) pick(results[active]);
        else close();
        onEnter();
        return;
      default:
    }
  };

  const activeId = showList && active >= 0 && results[active] ? `${listId}-${active}` : undefined;

  return (
    <div className="code-picker">
      <input
        ref={inputRef}
        className="code-input"
        data-testid={testId}
        aria-label={label}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={activeId}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        value={value}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => {
          onChange(e.target.value);
          setTerm(e.target.value);
          setActive(-1);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={(e) => {
          close();
          onBlur?.(e.target.value);
        }}
      />
      <ul id={listId} role="listbox" aria-label={`${label} suggestions`} className="code-picker__list" hidden={!showList} data-testid={`${testId}-options`}>
        {showList && search.status === 'loading' && (
          <li className="code-picker__note" role="presentation">
            Searching…
          </li>
        )}
        {showList && search.status === 'done' && results.length === 0 && (
          <li className="code-picker__note" role="presentation">
            No matching codes. Check the spelling, or try a code prefix such as E11.
          </li>
        )}
        {showList && search.status === 'error' && (
          <li className="code-picker__note code-picker__note--error" role="presentation">
            Code search is unavailable ({search.message}). You can still type the code.
          </li>
        )}
        {showList &&
          results.map((entry, index) => (
            <li
              key={`${entry.system}:${entry.code}`}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'code-picker__option code-picker__option--active' : 'code-picker__option'}
              data-testid="code-option"
              data-code={displayCode(entry)}
              // Keep focus in the input; the click still picks.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(entry)}
            >
              <span className="mono">{displayCode(entry)}</span>
              <span className="code-picker__description">{entry.description ?? (entry.system === 'CPT' ? 'CPT' : '')}</span>
              {(entry.header || !entry.billable) && <span className="badge badge--warn">header</span>}
            </li>
          ))}
      </ul>
    </div>
  );
}

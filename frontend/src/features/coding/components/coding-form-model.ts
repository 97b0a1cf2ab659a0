import type { FieldProblem } from '@/lib/api-client';
import type { Codes } from '@/features/coding/api/types';

/** What the coder types; strings until sent so half-typed values survive re-renders. */
export interface DiagnosisRow {
  key: number;
  code: string;
}

export interface ProcedureRow {
  key: number;
  code: string;
  /** Comma- or space-separated, e.g. "25, 59". */
  modifiers: string;
  units: string;
  /** 1-based row numbers of the diagnoses shown on screen, e.g. "1,2". */
  pointers: string;
}

export interface FormRows {
  diagnoses: DiagnosisRow[];
  procedures: ProcedureRow[];
}

let nextKey = 1;
export const newDiagnosisRow = (code = ''): DiagnosisRow => ({ key: nextKey++, code });
export const newProcedureRow = (init: Partial<Omit<ProcedureRow, 'key'>> = {}): ProcedureRow => ({
  key: nextKey++,
  code: '',
  modifiers: '',
  units: '1',
  pointers: '',
  ...init,
});

export function rowsFromCodes(codes: Codes | null): FormRows {
  const diagnoses = codes?.diagnoses.map((d) => newDiagnosisRow(d.code)) ?? [];
  const procedures =
    codes?.procedures.map((p) =>
      newProcedureRow({
        code: p.code,
        modifiers: p.modifiers.join(', '),
        units: String(p.units),
        pointers: p.diagnosisPointers.join(','),
      }),
    ) ?? [];
  return {
    diagnoses: diagnoses.length > 0 ? diagnoses : [newDiagnosisRow()],
    procedures: procedures.length > 0 ? procedures : [newProcedureRow()],
  };
}

export interface Conversion {
  codes: Codes;
  /** Problems found before sending, with fields in on-screen row numbering. */
  errors: FieldProblem[];
  /** Sent index → on-screen index, to put the server's errors next to the right row. */
  diagnosisRowOf: number[];
  procedureRowOf: number[];
}

const splitList = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);

const isBlankProcedure = (row: ProcedureRow) =>
  row.code.trim() === '' && row.modifiers.trim() === '' && row.pointers.trim() === '';

/** Blank rows are left out; pointers typed as on-screen row numbers are renumbered to the sent list. */
export function toCodes(rows: FormRows): Conversion {
  const errors: FieldProblem[] = [];
  const diagnosisRowOf: number[] = [];
  const sentPositionOfRow = new Map<number, number>();
  const diagnoses = rows.diagnoses.flatMap((row, index) => {
    const code = row.code.trim().toUpperCase();
    if (code === '') return [];
    diagnosisRowOf.push(index);
    sentPositionOfRow.set(index, diagnosisRowOf.length);
    return [{ code }];
  });

  const procedureRowOf: number[] = [];
  const procedures = rows.procedures.flatMap((row, index) => {
    if (isBlankProcedure(row)) return [];
    procedureRowOf.push(index);
    const units = row.units.trim() === '' ? 1 : Number(row.units.trim());
    if (!Number.isInteger(units) || units < 1) {
      errors.push({ severity: 'ERROR', field: `procedures[${index}].units`, message: 'Units must be a whole number of 1 or more.' });
    }
    const diagnosisPointers: number[] = [];
    for (const part of splitList(row.pointers)) {
      const shown = Number(part);
      const sent = Number.isInteger(shown) ? sentPositionOfRow.get(shown - 1) : undefined;
      if (sent === undefined) {
        errors.push({
          severity: 'ERROR',
          field: `procedures[${index}].diagnosisPointers`,
          message: `"${part}" is not the number of a diagnosis row with a code.`,
        });
      } else {
        diagnosisPointers.push(sent);
      }
    }
    return [
      {
        code: row.code.trim().toUpperCase(),
        modifiers: splitList(row.modifiers).map((m) => m.toUpperCase()),
        units: Number.isInteger(units) ? units : 0,
        diagnosisPointers,
      },
    ];
  });

  return { codes: { diagnoses, procedures }, errors, diagnosisRowOf, procedureRowOf };
}

/** Rewrites `diagnoses[1].code` from the sent numbering to the on-screen one. */
export function toScreenField(field: string | null | undefined, conversion: Conversion): string | null | undefined {
  if (!field) return field;
  return field.replace(/^(diagnoses|procedures)\[(\d+)\]/, (whole, list: string, index: string) => {
    const map = list === 'diagnoses' ? conversion.diagnosisRowOf : conversion.procedureRowOf;
    const row = map[Number(index)];
    return row === undefined ? whole : `${list}[${row}]`;
  });
}

const PART_NAMES: Record<string, string> = {
  code: 'code',
  modifiers: 'modifiers',
  units: 'units',
  diagnosisPointers: 'diagnosis pointers',
};

/** `procedures[1].diagnosisPointers` → "Procedure 2 diagnosis pointers". */
export function describeField(field: string): string {
  const match = /^(diagnoses|procedures)(?:\[(\d+)\])?(?:\.(\w+))?/.exec(field);
  if (!match) return field;
  const [, list, index, part] = match;
  if (index === undefined) return list === 'diagnoses' ? 'Diagnoses' : 'Procedures';
  const noun = list === 'diagnoses' ? 'Diagnosis' : 'Procedure';
  return [`${noun} ${Number(index) + 1}`, part ? (PART_NAMES[part] ?? part) : null].filter(Boolean).join(' ');
}

/** After removing diagnosis row `removed`, pointers to later rows move up one and pointers to it go away. */
export function shiftPointers(pointers: string, removed: number): string {
  return splitList(pointers)
    .flatMap((part) => {
      const n = Number(part);
      if (!Number.isInteger(n)) return [part];
      if (n === removed + 1) return [];
      return [String(n > removed + 1 ? n - 1 : n)];
    })
    .join(',');
}

/** Codes compare without the ICD-10-CM dot and case: `e11.9` and `E119` are the same code. */
export const codeKey = (code: string) => code.trim().toUpperCase().replace(/\./g, '');

/**
 * Moves diagnosis row `from` to position `to`; pointers keep pointing at the same diagnoses (they are
 * typed as on-screen row numbers, so they are renumbered with the rows).
 */
export function moveDiagnosis(rows: FormRows, from: number, to: number): FormRows {
  const count = rows.diagnoses.length;
  if (from === to || from < 0 || to < 0 || from >= count || to >= count) return rows;
  const order = rows.diagnoses.map((_, i) => i);
  const [moved] = order.splice(from, 1);
  order.splice(to, 0, moved);
  const newPositionOf = new Map(order.map((oldIndex, newIndex) => [oldIndex, newIndex]));
  return {
    diagnoses: order.map((oldIndex) => rows.diagnoses[oldIndex]),
    procedures: rows.procedures.map((p) => ({
      ...p,
      pointers: splitList(p.pointers)
        .map((part) => {
          const n = Number(part);
          const moved = Number.isInteger(n) ? newPositionOf.get(n - 1) : undefined;
          return moved === undefined ? part : String(moved + 1);
        })
        .join(','),
    })),
  };
}

/** The data-testid of the input an API field names, e.g. `procedures[1].diagnosisPointers` → `px-pointers-1`. */
export function fieldTestId(field: string | null | undefined): string | null {
  const match = /^(diagnoses|procedures)\[(\d+)\]\.(\w+)$/.exec(field ?? '');
  if (!match) return null;
  const [, list, index, part] = match;
  if (list === 'diagnoses') return `dx-code-${index}`;
  const parts: Record<string, string> = { code: 'code', modifiers: 'modifiers', units: 'units', diagnosisPointers: 'pointers' };
  return parts[part] ? `px-${parts[part]}-${index}` : null;
}

/** Procedure codes starting with a digit are CPT; anything else (letters, words) is searched in HCPCS. */
export const procedureSystem = (text: string): 'CPT' | 'HCPCS' => (/^\s*\d/.test(text) ? 'CPT' : 'HCPCS');

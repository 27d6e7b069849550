import Papa from 'papaparse';
import { ImportFormatError, type Problem } from './model';

export interface CsvRow {
  /** 1-based line where the row starts in the file (rows may span lines inside quotes). */
  line: number;
  cells: string[];
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
}

/**
 * Parses a CSV file keeping the line each row starts on, so a message can point at it.
 * Any quoting error or ragged row is refused, naming its line.
 */
export function readCsv(text: string, file: string): CsvTable {
  const rows: CsvRow[] = [];
  let scanned = 0;
  let line = 1;
  let failure: ImportFormatError | null = null;
  Papa.parse<string[]>(text, {
    delimiter: ',',
    skipEmptyLines: true,
    step: (result, parser) => {
      const end = result.meta.cursor;
      // Blank lines Papa skipped sit before the row: step over them to find its first line.
      let start = scanned;
      while (start < end && (text[start] === '\n' || text[start] === '\r')) start++;
      line += countNewlines(text, scanned, start);
      const rowLine = line;
      line += countNewlines(text, start, end);
      scanned = end;
      if (result.errors.length > 0) {
        const problem = csvProblem(result.errors[0]!);
        failure = new ImportFormatError({ file, line: rowLine }, problem.code, ...problem.params);
        parser.abort();
        return;
      }
      rows.push({ line: rowLine, cells: result.data });
    },
  });
  if (failure) throw failure;
  const [head, ...body] = rows;
  if (!head) throw new ImportFormatError({ file }, 'emptyFile');
  const header = head.cells.map((name) => name.trim());
  for (const row of body) {
    if (row.cells.length !== header.length) {
      throw new ImportFormatError({ file, line: row.line }, 'csvFieldCount', row.cells.length, header.length);
    }
  }
  return { header, rows: body };
}

/** Just the header row's names, to tell formats apart before reading the whole file. */
export function readCsvHeader(text: string): string[] {
  const result = Papa.parse<string[]>(text, { delimiter: ',', preview: 1, skipEmptyLines: true });
  return (result.data[0] ?? []).map((name) => name.trim());
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

function csvProblem(error: Papa.ParseError): Problem {
  if (error.code === 'MissingQuotes') return { code: 'csvUnclosedQuote', params: [] };
  if (error.code === 'InvalidQuotes') return { code: 'csvStrayQuote', params: [] };
  return { code: 'csvBroken', params: [error.message] };
}

/**
 * Column positions by header name (case-insensitive), so column order never matters.
 * A missing required column is refused, naming the header line.
 */
export function columns<const K extends string>(table: CsvTable, file: string, required: readonly K[], optional: readonly K[] = []): Record<K, number> {
  const index = new Map(table.header.map((name, i) => [name.toLowerCase(), i]));
  const found = {} as Record<K, number>;
  for (const name of required) {
    const i = index.get(name.toLowerCase());
    if (i === undefined) throw new ImportFormatError({ file, line: 1 }, 'columnMissing', name, table.header.join(', '));
    found[name] = i;
  }
  for (const name of optional) found[name] = index.get(name.toLowerCase()) ?? -1;
  return found;
}

export function cell(row: CsvRow, column: number): string {
  return column < 0 ? '' : (row.cells[column] ?? '');
}

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab/CR) as a formula: a saved title like
 * `=HYPERLINK(...)` must stay text. The apostrophe is the convention spreadsheets hide.
 */
export function guardFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** CSV text: every field quoted, formulas defused, CRLF line ends as RFC 4180 says. */
export function writeCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return Papa.unparse(
    { fields: [...header], data: rows.map((row) => row.map(guardFormula)) },
    { quotes: true, newline: '\r\n', escapeFormulae: false },
  );
}

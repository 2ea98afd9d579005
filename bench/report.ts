export type Verdict = 'PASS' | 'FAIL' | 'n/a';

export interface Row {
  section: 'bundle' | 'forms' | 'requests' | 'lighthouse' | 'delivery' | 'deliverylog';
  what: string;
  figure: string;
  budget: string;
  /** `n/a` for rows that inform without a budget, or whose measurement failed (see `note`). */
  result: Verdict;
  note?: string;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - text.length));
}

/** The table as aligned plain text for the terminal. */
export function formatTable(rows: readonly Row[]): string {
  const header = ['section', 'what', 'figure', 'budget', 'result'];
  const cells = rows.map((row) => [row.section, row.what, row.figure, row.budget || '-', row.result]);
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((cell) => (cell[i] as string).length)));
  const line = (cell: string[]) => cell.map((text, i) => pad(text, widths[i] as number)).join(' | ');
  const rule = widths.map((width) => '-'.repeat(width)).join('-+-');
  const notes = rows.filter((row) => row.note).map((row) => `  * ${row.what}: ${row.note}`);
  return [line(header), rule, ...cells.map(line), ...(notes.length ? ['', 'notes:', ...notes] : [])].join('\n');
}

/** The same table as Markdown, for the README section. */
export function formatMarkdown(rows: readonly Row[]): string {
  const escape = (text: string) => text.replace(/\|/g, '\\|');
  return [
    '| section | what | figure | budget | result |',
    '|---|---|---|---|---|',
    ...rows.map(
      (row) =>
        `| ${row.section} | ${escape(row.what)} | ${escape(row.figure)} | ${escape(row.budget || '-')} | ${row.result} |`,
    ),
  ].join('\n');
}

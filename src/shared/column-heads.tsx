import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';

/** A table's header row: one column header cell (`th scope="col"`, so screen readers name each cell) per title. */
export function ColumnHeads({ columns }: { columns: readonly string[] }) {
  return (
    <TableHead>
      <TableRow>
        {columns.map((title) => (
          <TableCell key={title} component="th" scope="col">
            {title}
          </TableCell>
        ))}
      </TableRow>
    </TableHead>
  );
}

import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { DeliveryAttempt } from '../../api/contract';
import { ColumnHeads } from '../../shared/column-heads';
import { formatInstant } from '../../shared/format';

const outcomeLabels = { delivered: 'Delivered', rejected: 'Refused (not retried)', retryable: 'Failed (retried)' };

/** Every attempt: when, how long, the HTTP status and PagerDuty's words. */
export function AttemptsTable({ attempts }: { attempts: readonly DeliveryAttempt[] }) {
  if (attempts.length === 0) return <Typography color="text.secondary">No attempt yet.</Typography>;
  return (
    <Table size="small" aria-label="Attempts">
      <ColumnHeads columns={['At', 'Duration', 'HTTP', 'Outcome', 'PagerDuty said']} />
      <TableBody>
        {attempts.map((attempt, index) => (
          <TableRow key={`${attempt.at}-${index}`}>
            <TableCell>{formatInstant(attempt.at)}</TableCell>
            <TableCell>{Math.round(attempt.duration_ms)} ms</TableCell>
            <TableCell>{attempt.http_status ?? '—'}</TableCell>
            <TableCell>{outcomeLabels[attempt.outcome]}</TableCell>
            <TableCell sx={{ overflowWrap: 'anywhere' }}>
              {[attempt.pagerduty?.status, attempt.pagerduty?.message, ...(attempt.pagerduty?.errors ?? [])]
                .filter(Boolean)
                .join(' — ') ||
                attempt.detail ||
                '—'}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { LastTest as LastTestRecord } from '../../api/contract';
import { DateTime } from '../../shared/format';

export interface LastTestProps {
  lastTest: LastTestRecord | null | undefined;
  /** `testFingerprint()` of the form as it is now. */
  currentFingerprint: string;
  /** A new override key typed, or the stored one being cleared: the fingerprint cannot see the key itself. */
  keyChanged?: boolean;
}

export function isLastTestStale({ lastTest, currentFingerprint, keyChanged }: LastTestProps): boolean {
  return Boolean(lastTest) && (keyChanged === true || lastTest?.fingerprint !== currentFingerprint);
}

/** An action's last test: when, outcome and dedup key, marked stale once the settings changed after it. */
export function LastTest(props: LastTestProps) {
  const { lastTest } = props;
  if (!lastTest) {
    return (
      <Typography variant="body2" color="text.secondary">
        Last test: never tested.
      </Typography>
    );
  }
  const stale = isLastTestStale(props);
  return (
    <Box
      role="group"
      aria-label="Last test"
      sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1, typography: 'body2' }}
    >
      <span>
        Last test <DateTime value={lastTest.at} />
      </span>
      <Chip
        size="small"
        color={lastTest.outcome === 'delivered' ? 'success' : 'error'}
        label={lastTest.outcome === 'delivered' ? 'Delivered' : 'Failed'}
      />
      {lastTest.dedup_key && (
        <span>
          dedup key <code>{lastTest.dedup_key}</code>
        </span>
      )}
      {lastTest.outcome === 'failed' && <span>{lastTest.message}</span>}
      {stale && (
        <Chip
          size="small"
          variant="outlined"
          color="warning"
          label="Stale: settings changed since this test"
          sx={{ color: 'text.primary' }}
        />
      )}
    </Box>
  );
}

import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import { useEffect, useState } from 'react';
import type { ApiError } from '../../api/api-error';
import { Fact, FactList } from '../../shared/fact-list';

const clock = (date: Date) =>
  date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** Seconds left until `until`, ticking once a second and stopping at zero. */
function useSecondsLeft(until: number): number {
  const [now, setNow] = useState(() => Date.now());
  const seconds = Math.max(0, Math.ceil((until - now) / 1000));
  const done = seconds === 0;
  useEffect(() => {
    if (done) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [done]);
  return seconds;
}

/**
 * The console's own limit on tests (a 429 without a failure code), not PagerDuty's: it protects whoever is on call
 * from a burst of test pages. Says which limit it is, when it resets, and counts down to it.
 */
export function OwnLimitCard({ error, at }: { error: ApiError; at: Date }) {
  const resetsAt = new Date(at.getTime() + Math.max(1, Math.ceil(error.retryAfter ?? 60)) * 1000);
  const seconds = useSecondsLeft(resetsAt.getTime());
  return (
    <Box component="section" aria-labelledby="test-result-title">
      <Alert severity="warning" variant="outlined">
        <AlertTitle id="test-result-title" component="h3">
          Not sent: test limit reached
        </AlertTitle>
        <FactList dense>
          <Fact label="Which limit">
            Qualytics limits test notifications per user per minute, so that tests cannot page the on-call person over
            and over. This is not PagerDuty&apos;s limit; nothing was sent to PagerDuty.
          </Fact>
          <Fact label="Resets">
            at <time dateTime={resetsAt.toISOString()}>{clock(resetsAt)}</time>
          </Fact>
          <Fact label="What to do">
            {seconds > 0 ? (
              <span role="timer" aria-live="off">
                Wait {seconds} {seconds === 1 ? 'second' : 'seconds'}, then press Send test again.
              </span>
            ) : (
              'The limit has reset: press Send test again.'
            )}
          </Fact>
        </FactList>
      </Alert>
    </Box>
  );
}

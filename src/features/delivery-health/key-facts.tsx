import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { Integration } from '../../api/contract';
import { deliveryQueries } from '../../api/queries';
import { Fact, FactList } from '../../shared/fact-list';
import { formatInstant } from '../../shared/format';
import { isNotOffered, NotOffered } from '../../shared/not-offered';
import { describeHealth, wayOutText } from './describe-health';
import { HealthStatus } from './health-status';
import { useVerifyKey } from './use-verify-key';

/**
 * The latest successful validation of this integration's key: saving a key requires one, so its last four
 * characters are those of the key stored now, and its time is when the key was last verified.
 */
function useLastVerification(integrationId: number, updated: string) {
  const queryClient = useQueryClient();
  const seen = useRef(updated);
  useEffect(() => {
    // A saved new key was validated on the way in: the log has a newer verification than the cached one.
    if (seen.current !== updated) void queryClient.invalidateQueries({ queryKey: deliveryQueries.all });
    seen.current = updated;
  }, [updated, queryClient]);
  return useQuery(deliveryQueries.latest({ kind: 'validation', status: 'delivered', integration_id: integrationId }));
}

/** The settings page's delivery section: health, which key is stored, when it was verified, and Verify key. */
export function KeyFacts({ integration }: { integration: Integration }) {
  const verification = useLastVerification(integration.id, integration.updated);
  const verify = useVerifyKey(integration.id);
  const health = integration.health;
  const view = health ? describeHealth(health) : null;
  const lastVerified = verification.data;
  return (
    <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
      {health ? <HealthStatus health={health} /> : <NotOffered what="delivery health" />}
      {view?.wayOut && <Typography variant="body2">{wayOutText[view.wayOut]}</Typography>}
      <FactList>
        {verification.isError && isNotOffered(verification.error) ? (
          <Fact label="Last verified">This server does not offer the delivery log.</Fact>
        ) : (
          <>
            {lastVerified?.key_last4 && (
              <Fact label="Stored key">
                ends in <code>…{lastVerified.key_last4}</code>
              </Fact>
            )}
            <Fact label="Last verified">
              {verification.isPending
                ? 'Loading…'
                : lastVerified
                  ? formatInstant(lastVerified.attempts.at(-1)?.at ?? lastVerified.updated)
                  : 'Not verified since the delivery log began'}
            </Fact>
          </>
        )}
      </FactList>
      <Button variant="outlined" onClick={() => verify.mutate()} loading={verify.isPending}>
        Verify key
      </Button>
      {verify.isSuccess && verify.data.health && (
        <Typography role="status" variant="body2">
          {verify.data.health.state === 'failing'
            ? `PagerDuty refused the key: ${verify.data.health.last_failure?.detail ?? 'no reason given'}`
            : 'PagerDuty accepted the key (a change event: no incident was opened).'}
        </Typography>
      )}
      {verify.isError &&
        (isNotOffered(verify.error) ? (
          <NotOffered what="key verification" />
        ) : (
          <Typography role="alert" variant="body2">
            {verify.error.message}
          </Typography>
        ))}
    </Stack>
  );
}

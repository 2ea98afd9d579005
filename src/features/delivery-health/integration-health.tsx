import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'wouter';
import type { Integration } from '../../api/contract';
import { isNotOffered } from '../../shared/not-offered';
import { describeHealth, wayOutText } from './describe-health';
import { HealthStatus } from './health-status';
import { useVerifyKey } from './use-verify-key';

const focusRing = { outline: '2px solid', outlineColor: 'primary.main', outlineOffset: 2 } as const;
// Styled like text buttons without ButtonBase: the catalog's first paint stays free of MUI controls.
const textButtonSx = {
  typography: 'button',
  p: '4px 6px',
  m: 0,
  border: 0,
  borderRadius: 1,
  bgcolor: 'transparent',
  color: 'primary.main',
  cursor: 'pointer',
  textDecoration: 'none',
  '&:hover': { bgcolor: 'action.hover' },
  '&:focus-visible': focusRing,
  '&:disabled': { color: 'text.disabled', cursor: 'default' },
} as const;

/** The integration card's health line and, when its key fails, the way out: Rotate key, Verify key. */
export function IntegrationHealth({ integration, label }: { integration: Integration; label: string }) {
  const verify = useVerifyKey(integration.id);
  const { health } = integration;
  if (!health) return null;
  const view = describeHealth(health);
  return (
    <Box sx={{ mt: 1.5 }}>
      <HealthStatus health={health} />
      {view.wayOut && (
        <Typography variant="body2" color="text.secondary" component="p" sx={{ m: 0, mt: 0.5 }}>
          {wayOutText[view.wayOut]}
        </Typography>
      )}
      {view.tone === 'error' && (
        <Box sx={{ display: 'flex', gap: 1, mt: 0.5, flexWrap: 'wrap' }}>
          <Box
            component={RouterLink}
            to={`/integrations/${integration.id}`}
            sx={textButtonSx}
            aria-label={`Rotate the ${label} key`}
          >
            Rotate key
          </Box>
          <Box
            component="button"
            type="button"
            sx={textButtonSx}
            disabled={verify.isPending}
            aria-label={`Verify the ${label} key`}
            onClick={() => verify.mutate()}
          >
            {verify.isPending ? 'Verifying…' : 'Verify key'}
          </Box>
        </Box>
      )}
      {verify.isError && (
        <Typography variant="body2" component="p" role="alert" sx={{ m: 0, mt: 0.5 }}>
          {isNotOffered(verify.error) ? 'This server does not offer key verification.' : verify.error.message}
        </Typography>
      )}
    </Box>
  );
}

import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'wouter';
import { isNotOffered } from '../../shared/not-offered';
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

/**
 * The way out of a failing key on its card: Rotate key (to the settings) and Verify key (a change event with the
 * stored key). Loaded only when a card needs it, so a catalog of healthy keys does not load the verify mutation.
 */
export function KeyWayOut({ integrationId, label }: { integrationId: number; label: string }) {
  const verify = useVerifyKey(integrationId);
  return (
    <>
      <Box sx={{ display: 'flex', gap: 1, mt: 0.5, flexWrap: 'wrap' }}>
        <Box
          component={RouterLink}
          to={`/integrations/${integrationId}`}
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
      {verify.isError && (
        <Typography variant="body2" component="p" role="alert" sx={{ m: 0, mt: 0.5 }}>
          {isNotOffered(verify.error) ? 'This server does not offer key verification.' : verify.error.message}
        </Typography>
      )}
    </>
  );
}

import Box from '@mui/material/Box';
import { keyframes } from '@mui/material/styles';

const spin = keyframes`
  to { transform: rotate(360deg); }
`;

/**
 * The spinner of a page (or part) still loading. A bordered ring rather than MUI's CircularProgress: every route
 * shows it while its chunk arrives, so it is in the first paint's script, and this one costs a style rule. It is a
 * progressbar without a value, as CircularProgress is, so assistive tech announces the same thing.
 */
export function PageLoading({ label = 'Loading…' }: { label?: string }) {
  return (
    <Box sx={{ display: 'flex', justifyContent: 'center', alignItems: 'center', minHeight: 160 }} role="status">
      <Box
        component="span"
        role="progressbar"
        aria-label={label}
        sx={{
          width: 40,
          height: 40,
          borderRadius: '50%',
          border: 4,
          borderColor: 'primary.main',
          borderRightColor: 'transparent',
          animation: `${spin} 0.8s linear infinite`,
          // Still turning (it says "busy"), only slower, for those who asked for less motion.
          '@media (prefers-reduced-motion: reduce)': { animationDuration: '2.4s' },
        }}
      />
    </Box>
  );
}

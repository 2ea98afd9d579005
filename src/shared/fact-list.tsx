import Box from '@mui/material/Box';
import type { ReactNode } from 'react';

/**
 * Label/value pairs in two aligned columns (a `<dl>`): the wizard's summary, an integration's facts, a test result,
 * the event preview. `dense` is the small type of cards and previews.
 */
export function FactList({
  dense = false,
  children,
  'aria-label': ariaLabel,
}: {
  dense?: boolean;
  children: ReactNode;
  'aria-label'?: string;
}) {
  return (
    <Box
      component="dl"
      aria-label={ariaLabel}
      sx={{
        display: 'grid',
        gridTemplateColumns: 'max-content 1fr',
        columnGap: dense ? 2 : 3,
        rowGap: dense ? 0.5 : 1,
        m: 0,
        typography: dense ? 'body2' : 'body1',
      }}
    >
      {children}
    </Box>
  );
}

/** One pair of a FactList; long unbroken values (keys, names, URLs) wrap instead of widening the page. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <Box component="dt" sx={{ color: 'text.secondary' }}>
        {label}
      </Box>
      <Box component="dd" sx={{ m: 0, overflowWrap: 'anywhere' }}>
        {children}
      </Box>
    </>
  );
}

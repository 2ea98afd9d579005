import Box from '@mui/material/Box';
import Check from '@mui/icons-material/Check';

/** Read out, not shown: the tick says it on screen. */
const hidden = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

export interface StepTrailProps {
  labels: readonly string[];
  /** Index of the step on screen. */
  active: number;
  completed(index: number): boolean;
}

/**
 * The wizard's steps as a numbered list: done steps ticked, the current one marked `aria-current="step"`.
 * Drawn here rather than with MUI's Stepper, whose six modules (about 6 KB gzip) buy a display-only list.
 */
export function StepTrail({ labels, active, completed }: StepTrailProps) {
  return (
    <Box component="ol" aria-label="Setup steps" sx={{ display: 'flex', listStyle: 'none', p: 0, m: 0 }}>
      {labels.map((label, i) => {
        const done = completed(i);
        const current = i === active;
        return (
          <Box
            component="li"
            key={label}
            aria-current={current ? 'step' : undefined}
            sx={{
              flex: '1 1 0',
              minWidth: 0,
              position: 'relative',
              textAlign: 'center',
              // The line from the previous step's circle to this one's.
              '&:not(:first-of-type)::before': {
                content: '""',
                position: 'absolute',
                top: 12,
                left: 'calc(-50% + 20px)',
                right: 'calc(50% + 20px)',
                borderTop: 1,
                borderColor: 'divider',
              },
            }}
          >
            <Box
              aria-hidden
              sx={{
                mx: 'auto',
                width: 24,
                height: 24,
                borderRadius: '50%',
                display: 'grid',
                placeItems: 'center',
                typography: 'caption',
                fontWeight: 700,
                color: done || current ? 'primary.contrastText' : 'text.primary',
                bgcolor: done || current ? 'primary.main' : 'action.disabledBackground',
              }}
            >
              {done ? <Check sx={{ fontSize: 16 }} /> : i + 1}
            </Box>
            <Box
              sx={{
                mt: 1,
                typography: 'body2',
                overflowWrap: 'anywhere',
                fontWeight: current ? 600 : 400,
                color: current || done ? 'text.primary' : 'text.secondary',
              }}
            >
              {label}
              {done && (
                <Box component="span" sx={hidden}>
                  {' '}
                  (done)
                </Box>
              )}
            </Box>
          </Box>
        );
      })}
    </Box>
  );
}

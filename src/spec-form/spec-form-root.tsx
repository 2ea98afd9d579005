import { styled } from '@mui/material/styles';
import { createContext, useContext, type ReactNode } from 'react';

/**
 * One styled root for every field of a form. The fields themselves are plain label/input/select elements with
 * class names, styled here from the MUI theme (light and dark), because hundreds of full MUI TextFields are what
 * makes large specs slow to mount and type in. Visual language follows MUI's outlined inputs.
 */
export const SpecFormRoot = styled('div')(({ theme }) => {
  const palette = (theme.vars ?? theme).palette;
  return {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(2.5),
    '& .sf-field': {
      display: 'flex',
      flexDirection: 'column',
      gap: theme.spacing(0.5),
      minWidth: 0,
      // A field off screen is neither laid out nor painted: a keystroke in a 500-field spec repaints the few fields
      // in view instead of all of them (paint 2.4 -> 0.6 ms a keystroke here), and the first render skips the rest.
      // `auto` remembers a field's real height once it has been shown, so the scrollbar does not jump back.
      contentVisibility: 'auto',
      containIntrinsicSize: 'auto 72px',
      // That also contains paint, which would clip the focus ring where it passes the field's edge.
      overflowClipMargin: theme.spacing(0.5),
    },
    '& .sf-label': { ...theme.typography.body2, fontWeight: 500, color: palette.text.primary },
    '& .sf-required': { color: palette.error.main, marginLeft: 2 },
    '& .sf-input': {
      ...theme.typography.body1,
      boxSizing: 'border-box',
      width: '100%',
      minHeight: 40,
      padding: '8px 12px',
      color: palette.text.primary,
      backgroundColor: 'transparent',
      border: '1px solid rgba(0, 0, 0, 0.42)',
      borderRadius: theme.shape.borderRadius,
      ...theme.applyStyles('dark', { borderColor: 'rgba(255, 255, 255, 0.5)', colorScheme: 'dark' }),
      '&:hover:not(:disabled)': { borderColor: palette.text.primary },
      '&:focus': { outline: `2px solid ${palette.primary.main}`, outlineOffset: -1, borderColor: palette.primary.main },
      '&[aria-invalid="true"]': { borderColor: palette.error.main },
      '&[aria-invalid="true"]:focus': { outlineColor: palette.error.main },
      '&:disabled': { color: palette.text.disabled, borderColor: palette.action.disabled },
      '&::placeholder': { color: palette.text.secondary, opacity: 1 },
    },
    '& textarea.sf-input': { fontFamily: 'monospace', resize: 'vertical' },
    '& select.sf-input': { cursor: 'pointer' },
    '& .sf-input-row': { display: 'flex', alignItems: 'center', gap: theme.spacing(1) },
    // A status beside a control (a configured secret), drawn like MUI's small outlined Chip.
    '& .sf-tag': {
      ...theme.typography.body2,
      display: 'inline-flex',
      alignItems: 'center',
      height: 24,
      padding: '0 8px',
      borderRadius: 12,
      border: `1px solid ${palette.success.main}`,
      color: palette.success.dark,
      ...theme.applyStyles('dark', { color: palette.success.light }),
      whiteSpace: 'nowrap',
    },
    '& .sf-check': { display: 'flex', alignItems: 'center', gap: theme.spacing(1), cursor: 'pointer' },
    '& .sf-check input': { width: 18, height: 18, margin: 0, accentColor: palette.primary.main, cursor: 'pointer' },
    '& .sf-help, & .sf-note, & .sf-error': { ...theme.typography.caption, margin: 0 },
    '& .sf-help': { color: palette.text.secondary },
    // Theme warning colours fail text contrast on paper in light mode; the note stands out by style instead.
    '& .sf-note': { color: palette.text.primary, fontStyle: 'italic' },
    '& .sf-error-slot': {
      margin: 0,
      minHeight: `calc(${theme.typography.caption.fontSize} * ${theme.typography.caption.lineHeight})`,
    },
    // Server explanations come as lines (what it means, what to do, the service's own words).
    '& .sf-error': {
      whiteSpace: 'pre-line',
      color: palette.error.main,
      ...theme.applyStyles('light', { color: palette.error.dark }),
    },
    '& .sf-markdown': { ...theme.typography.caption, color: palette.text.secondary },
    '& .sf-markdown p': { margin: 0 },
    '& .sf-markdown a': { color: palette.primary.main },
    '& .sf-group': { display: 'flex', flexDirection: 'column', gap: theme.spacing(2.5), margin: 0, padding: 0 },
    '& fieldset.sf-group': { border: 0, minWidth: 0 },
    '& fieldset.sf-group-outlined': {
      border: `1px solid ${palette.divider}`,
      borderRadius: theme.shape.borderRadius,
      padding: theme.spacing(2),
      // On a phone the outline's padding, inside a card's, squeezed inputs to half the screen: flat there.
      [theme.breakpoints.down('sm')]: { border: 0, padding: 0 },
    },
    '& .sf-group-title': { ...theme.typography.subtitle1, fontWeight: 600, padding: theme.spacing(0, 0.5), margin: 0 },
  };
});

const InsideRoot = createContext(false);

/** Wraps children in the styled root unless an outer SpecFields already did (standalone widget use). */
export function EnsureSpecFormRoot({ children }: { children: ReactNode }) {
  const inside = useContext(InsideRoot);
  if (inside) return <>{children}</>;
  return (
    <InsideRoot.Provider value={true}>
      <SpecFormRoot>{children}</SpecFormRoot>
    </InsideRoot.Provider>
  );
}

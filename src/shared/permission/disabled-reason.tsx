import Box from '@mui/material/Box';
import { useId, useRef, useState, type ReactElement } from 'react';

/**
 * Says why a control is disabled, on hover and on keyboard focus: a disabled button gets neither, so the
 * reason sits on a focusable wrapper around it.
 *
 * Not MUI's Tooltip: it brings Popper (about 11 KB gzip) to every page with a guarded button, for a one-line
 * hint that only a viewer ever sees. The hint opens toward the middle of the screen, so it stays on it.
 */
export function DisabledReason({ reason, children }: { reason: string | null; children: ReactElement }) {
  const [open, setOpen] = useState<null | 'left' | 'right'>(null);
  const wrapper = useRef<HTMLSpanElement>(null);
  const tipId = useId();
  if (!reason) return children;
  const show = () => {
    const box = wrapper.current?.getBoundingClientRect();
    // Anchored on the side nearer the screen's edge, it grows toward the middle.
    setOpen(box && box.left + box.width / 2 > window.innerWidth / 2 ? 'right' : 'left');
  };
  const hide = () => setOpen(null);
  return (
    // A named, focusable stand-in for the disabled button: keyboard users reach the reason too. Its handlers
    // only show and hide the hint (what a tooltip does); the control inside is what acts.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <span
      ref={wrapper}
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      role="group"
      aria-label={reason}
      aria-describedby={open ? tipId : undefined}
      style={{ display: 'inline-flex', position: 'relative' }}
      onMouseEnter={show}
      onMouseLeave={hide}
      onFocus={show}
      onBlur={hide}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          hide();
        }
      }}
    >
      {children}
      {open && (
        <Box
          id={tipId}
          role="tooltip"
          sx={{
            position: 'absolute',
            top: 'calc(100% + 6px)',
            [open]: 0,
            zIndex: 'tooltip',
            width: 'max-content',
            maxWidth: 'min(300px, 80vw)',
            px: 1,
            py: 0.5,
            borderRadius: 1,
            typography: 'caption',
            color: 'common.white',
            bgcolor: 'grey.800',
            pointerEvents: 'none',
          }}
        >
          {reason}
        </Box>
      )}
    </span>
  );
}

import Tooltip from '@mui/material/Tooltip';
import type { ReactElement } from 'react';

/**
 * Says why a control is disabled, on hover and on keyboard focus: a disabled button gets neither, so the
 * reason sits on a focusable wrapper around it.
 */
export function DisabledReason({ reason, children }: { reason: string | null; children: ReactElement }) {
  if (!reason) return children;
  return (
    <Tooltip title={reason} describeChild>
      {/* A named, focusable stand-in for the disabled button: keyboard users reach the reason too. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <span tabIndex={0} role="group" aria-label={reason} style={{ display: 'inline-flex' }}>
        {children}
      </span>
    </Tooltip>
  );
}

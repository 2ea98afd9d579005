import Box from '@mui/material/Box';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import Typography from '@mui/material/Typography';
import Close from '@mui/icons-material/Close';
import type { ReactNode } from 'react';

export interface ActionDrawerProps {
  open: boolean;
  onClose(): void;
  children: ReactNode;
  /** Save and Cancel, kept in view at the bottom. */
  actions: ReactNode;
}

/**
 * The side panel where a PagerDuty action is edited. The platform calls it "PagerDuty Settings"; here that name
 * belongs to the integration, so the panel is named for what it edits: one notification.
 */
export function ActionDrawer({ open, onClose, children, actions }: ActionDrawerProps) {
  return (
    <Drawer
      anchor="right"
      open={open}
      onClose={onClose}
      slotProps={{
        paper: {
          role: 'dialog',
          'aria-labelledby': 'pagerduty-settings-title',
          sx: { width: { xs: '100vw', md: 'min(1100px, 92vw)' }, display: 'flex', flexDirection: 'column' },
        },
      }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', px: 3, py: 2, borderBottom: 1, borderColor: 'divider' }}>
        <Typography id="pagerduty-settings-title" variant="h5" component="h2" sx={{ flex: 1 }}>
          PagerDuty notification
        </Typography>
        <IconButton onClick={onClose} aria-label="Close PagerDuty notification">
          <Close />
        </IconButton>
      </Box>
      <Box sx={{ flex: 1, overflow: 'auto', px: { xs: 2, sm: 3 }, py: 2 }}>{children}</Box>
      <Box
        sx={{ display: 'flex', gap: 1, justifyContent: 'flex-end', px: 3, py: 2, borderTop: 1, borderColor: 'divider' }}
      >
        {actions}
      </Box>
    </Drawer>
  );
}

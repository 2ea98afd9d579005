import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';

interface IntegrationCardMenuProps {
  id: string;
  anchorEl: HTMLElement | null;
  onClose(): void;
  onEdit(): void;
  onDisconnect(): void;
}

/** Its own chunk: Menu brings Popover and Modal, which the first paint of the catalog never needs. */
export function IntegrationCardMenu({ id, anchorEl, onClose, onEdit, onDisconnect }: IntegrationCardMenuProps) {
  return (
    <Menu id={id} anchorEl={anchorEl} open={anchorEl !== null} onClose={onClose}>
      <MenuItem onClick={onEdit}>Edit</MenuItem>
      <MenuItem onClick={onDisconnect}>Disconnect</MenuItem>
    </Menu>
  );
}

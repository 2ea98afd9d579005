import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from 'wouter';
import type { Integration } from '../../api/contract';
import { flowQueries } from '../../api/queries';
import { descriptorFor } from '../../integrations';
import { errorMessage } from '../../shared/errors';
import { useDeleteIntegration } from './integration-mutations';
import { flowsWithActionType } from './integration-model';

interface DisconnectDialogProps {
  integration: Integration;
  label: string;
  open: boolean;
  onClose(): void;
  onDisconnected?(): void;
}

export function DisconnectDialog({ integration, label, open, onClose, onDisconnected }: DisconnectDialogProps) {
  // Only a type whose flow actions deliver through it can leave flows without a way to deliver.
  const { actionType } = descriptorFor(integration.type);
  const flows = useQuery({ ...flowQueries.list(), enabled: open && actionType !== undefined });
  const remove = useDeleteIntegration();
  const affected = flows.data && actionType ? flowsWithActionType(flows.data, actionType) : [];
  const titleId = `disconnect-${integration.id}-title`;

  const confirm = () =>
    remove.mutate(integration.id, {
      onSuccess: () => {
        onClose();
        onDisconnected?.();
      },
    });

  return (
    <Dialog
      open={open}
      onClose={remove.isPending ? undefined : onClose}
      aria-labelledby={titleId}
      maxWidth="sm"
      fullWidth
    >
      <DialogTitle id={titleId}>Disconnect {label}?</DialogTitle>
      <DialogContent>
        <DialogContentText>
          The stored credentials are deleted. You can connect {label} again at any time.
        </DialogContentText>
        {actionType && (
          <>
            {flows.isPending && (
              <Typography role="status" sx={{ mt: 2, display: 'flex', alignItems: 'center', gap: 1 }}>
                <CircularProgress size={16} aria-hidden /> Checking which Flows send to {label}…
              </Typography>
            )}
            {flows.isError && (
              <Alert severity="warning" sx={{ mt: 2 }}>
                Could not check which Flows use {label} ({errorMessage(flows.error)}). Flows with {label} actions will
                stop delivering until {label} is connected again.
              </Alert>
            )}
            {flows.isSuccess && affected.length === 0 && (
              <DialogContentText sx={{ mt: 2 }}>No Flow sends notifications to {label}.</DialogContentText>
            )}
            {affected.length > 0 && (
              <Alert severity="warning" sx={{ mt: 2 }}>
                These Flows have {label} actions that will stop delivering until {label} is connected again. The Flows
                and their actions are not deleted.
                <List dense aria-label="Affected Flows">
                  {affected.map((flow) => (
                    <ListItem key={flow.id} disableGutters>
                      <ListItemText
                        primary={
                          <Link component={RouterLink} to={`/flows/${flow.id}`}>
                            {flow.name}
                          </Link>
                        }
                      />
                    </ListItem>
                  ))}
                </List>
              </Alert>
            )}
          </>
        )}
        {remove.isError && (
          <Alert severity="error" sx={{ mt: 2 }} role="alert">
            {errorMessage(remove.error)}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={remove.isPending}>
          Cancel
        </Button>
        <Button color="error" variant="contained" onClick={confirm} disabled={remove.isPending}>
          {remove.isPending ? 'Disconnecting…' : 'Disconnect'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

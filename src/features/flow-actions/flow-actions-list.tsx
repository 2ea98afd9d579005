import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { DisabledReason } from '../../shared/permission';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'wouter';
import type { PagerDutyAction } from '../../api/contract';
import { DateTime } from '../../shared/format';
import { severityMeanings } from './severity-meanings';

export interface FlowActionsListProps {
  actions: readonly PagerDutyAction[];
  /** False when there is no PagerDuty integration. */
  integrationConnected: boolean;
  onEdit(action: PagerDutyAction): void;
  onRemove(action: PagerDutyAction): void;
  disabled?: boolean;
  /** Why Edit and Remove are disabled, said on hover and focus (e.g. the user's role). */
  disabledReason?: string | null;
  /** Extra lines under an action (its delivery health), composed in by the page. */
  renderStatus?(action: PagerDutyAction): ReactNode;
}

/** An action without an override has nowhere to send while PagerDuty is disconnected. */
export const cannotDeliver = (action: PagerDutyAction, integrationConnected: boolean) =>
  !integrationConnected && !action.parameters.routing_key_configured;

export function FlowActionsList({
  actions,
  integrationConnected,
  onEdit,
  onRemove,
  disabled,
  disabledReason = null,
  renderStatus,
}: FlowActionsListProps) {
  if (actions.length === 0) {
    return <Typography color="text.secondary">No PagerDuty actions yet.</Typography>;
  }
  return (
    <List aria-label="PagerDuty actions" disablePadding sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      {actions.map((action, index) => {
        const label = `PagerDuty action ${index + 1}`;
        return (
          <ListItem
            key={action.id}
            aria-label={label}
            sx={{
              flexDirection: 'column',
              alignItems: 'stretch',
              gap: 1,
              border: 1,
              borderColor: 'divider',
              borderRadius: 1,
            }}
          >
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
              <Typography
                component="h3"
                variant="subtitle1"
                sx={{ fontWeight: 600, overflowWrap: 'anywhere', flex: '1 1 12rem' }}
              >
                {action.tokenized_message || '(no message)'}
              </Typography>
              <Chip size="small" label={`Severity: ${severityMeanings[action.parameters.severity].label}`} />
              <Chip
                size="small"
                variant="outlined"
                label={
                  action.parameters.routing_key_configured ? "Key: this action's override" : "Key: integration's key"
                }
              />
            </Box>
            {action.last_test && (
              <Typography variant="body2" color="text.secondary">
                Last test <DateTime value={action.last_test.at} />:{' '}
                {action.last_test.outcome === 'delivered' ? 'delivered' : `failed (${action.last_test.message})`}
              </Typography>
            )}
            {renderStatus?.(action)}
            {cannotDeliver(action, integrationConnected) && (
              <Alert severity="warning">
                Cannot deliver: PagerDuty is not connected.{' '}
                <Link component={RouterLink} to="/integrations/pagerduty/connect">
                  Connect PagerDuty
                </Link>
              </Alert>
            )}
            <Box sx={{ display: 'flex', gap: 1 }}>
              <DisabledReason reason={disabled ? disabledReason : null}>
                <Button
                  size="small"
                  variant="outlined"
                  onClick={() => onEdit(action)}
                  aria-label={`Edit ${label}`}
                  disabled={disabled}
                >
                  Edit
                </Button>
              </DisabledReason>
              <DisabledReason reason={disabled ? disabledReason : null}>
                <Button
                  size="small"
                  color="error"
                  onClick={() => onRemove(action)}
                  aria-label={`Remove ${label}`}
                  disabled={disabled}
                >
                  Remove
                </Button>
              </DisabledReason>
            </Box>
          </ListItem>
        );
      })}
    </List>
  );
}

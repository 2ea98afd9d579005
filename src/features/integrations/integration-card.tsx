import MoreVert from '@mui/icons-material/MoreVert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardActions from '@mui/material/CardActions';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { DisconnectDialog } from './disconnect-dialog';
import { IntegrationIcon } from './integration-icon';
import { formatDateTime, type CatalogEntry } from './integration-model';

const statusLabels = { connected: 'Connected', not_connected: 'Not connected', coming_soon: 'Coming soon' } as const;

export function IntegrationCard({ entry }: { entry: CatalogEntry }) {
  const { spec, status, integration } = entry;
  const [menuAnchor, setMenuAnchor] = useState<HTMLElement | null>(null);
  const [disconnecting, setDisconnecting] = useState(false);
  const navigate = useNavigate();
  const titleId = useId();
  const menuId = useId();

  return (
    <Card
      component="article"
      aria-labelledby={titleId}
      variant="outlined"
      sx={{ height: '100%', display: 'flex', flexDirection: 'column', opacity: status === 'coming_soon' ? 0.75 : 1 }}
    >
      <CardContent sx={{ flexGrow: 1 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5 }}>
          <IntegrationIcon type={spec.type} color={status === 'connected' ? 'primary' : 'action'} fontSize="large" />
          <Typography component="h3" variant="h6" id={titleId} sx={{ flexGrow: 1 }}>
            {spec.label}
          </Typography>
          {status === 'connected' && (
            <>
              <IconButton
                aria-label={`${spec.label} actions`}
                aria-haspopup="menu"
                aria-controls={menuAnchor ? menuId : undefined}
                aria-expanded={menuAnchor ? true : undefined}
                onClick={(event) => setMenuAnchor(event.currentTarget)}
              >
                <MoreVert />
              </IconButton>
              <Menu id={menuId} anchorEl={menuAnchor} open={menuAnchor !== null} onClose={() => setMenuAnchor(null)}>
                <MenuItem
                  onClick={() => {
                    setMenuAnchor(null);
                    if (integration) void navigate(`/integrations/${integration.id}`);
                  }}
                >
                  Edit
                </MenuItem>
                <MenuItem
                  onClick={() => {
                    setMenuAnchor(null);
                    setDisconnecting(true);
                  }}
                >
                  Disconnect
                </MenuItem>
              </Menu>
            </>
          )}
        </Box>
        <Chip
          sx={{ mt: 1.5 }}
          size="small"
          label={statusLabels[status]}
          color={status === 'connected' ? 'success' : 'default'}
          variant={status === 'connected' ? 'filled' : 'outlined'}
        />
        {integration && (
          <Typography variant="body2" color="text.secondary" component="dl" sx={{ mt: 1.5, mb: 0 }}>
            <Box sx={{ display: 'flex', gap: 0.5 }}>
              <dt>Connected on</dt>
              <dd style={{ margin: 0 }}>
                <time dateTime={integration.created}>{formatDateTime(integration.created)}</time>
              </dd>
            </Box>
            <Box sx={{ display: 'flex', gap: 0.5 }}>
              <dt>Last updated</dt>
              <dd style={{ margin: 0 }}>
                <time dateTime={integration.updated}>{formatDateTime(integration.updated)}</time>
              </dd>
            </Box>
          </Typography>
        )}
      </CardContent>
      {status === 'not_connected' && (
        <CardActions>
          <Button
            component={RouterLink}
            to={`/integrations/${encodeURIComponent(spec.type)}/connect`}
            variant="contained"
            aria-label={`Connect ${spec.label}`}
          >
            Connect
          </Button>
        </CardActions>
      )}
      {integration && (
        <DisconnectDialog
          integration={integration}
          label={spec.label}
          open={disconnecting}
          onClose={() => setDisconnecting(false)}
        />
      )}
    </Card>
  );
}

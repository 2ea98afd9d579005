import MoreVert from '@mui/icons-material/MoreVert';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardActions from '@mui/material/CardActions';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import { lazy, Suspense, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Link as RouterLink } from 'wouter';
import { useNavigate } from '../../shared/navigation';
import { IntegrationIcon } from './integration-icon';
import { DateTime } from '../../shared/format';
import type { CatalogEntry } from './integration-model';

// Loaded on first use (or when the pointer or focus reaches the button), not with the catalog.
const loadMenu = () => import('./integration-card-menu');
const IntegrationCardMenu = lazy(async () => ({ default: (await loadMenu()).IntegrationCardMenu }));
const DisconnectDialog = lazy(async () => ({ default: (await import('./disconnect-dialog')).DisconnectDialog }));

// The card's two controls are plain elements styled like MUI's IconButton and contained Button: ButtonBase, its
// ripple and transitions would otherwise be loaded for the first paint of the catalog just for them.
const focusRing = { outline: '2px solid', outlineColor: 'primary.main', outlineOffset: 2 } as const;
const iconButtonSx = {
  display: 'inline-flex',
  alignItems: 'center',
  justifyContent: 'center',
  p: 1,
  m: 0,
  border: 0,
  borderRadius: '50%',
  bgcolor: 'transparent',
  color: 'action.active',
  cursor: 'pointer',
  '&:hover': { bgcolor: 'action.hover' },
  '&:focus-visible': focusRing,
} as const;
const containedLinkSx = {
  display: 'inline-flex',
  alignItems: 'center',
  typography: 'button',
  px: 2,
  py: '6px',
  borderRadius: 1,
  bgcolor: 'primary.main',
  color: 'primary.contrastText',
  textDecoration: 'none',
  boxShadow: 2,
  '&:hover': { bgcolor: 'primary.dark', boxShadow: 4 },
  '&:focus-visible': focusRing,
} as const;

const statusLabels = { connected: 'Connected', not_connected: 'Not connected', coming_soon: 'Coming soon' } as const;

/** `health`: the delivery health line, composed in by the page (features do not import each other). */
export function IntegrationCard({ entry, health }: { entry: CatalogEntry; health?: ReactNode }) {
  const { spec, status, integration } = entry;
  const [menuAnchor, setMenuAnchor] = useState<HTMLElement | null>(null);
  const [disconnecting, setDisconnecting] = useState(false);
  // Mounted from the first open on, so the menu and dialog can play their closing transitions.
  const [menuUsed, setMenuUsed] = useState(false);
  const [dialogUsed, setDialogUsed] = useState(false);
  const navigate = useNavigate();
  const connectRef = useRef<HTMLAnchorElement | null>(null);
  const wasConnected = useRef(status === 'connected');
  const titleId = useId();

  // Disconnecting removes the menu button focus would return to; it goes to the card's Connect instead.
  useEffect(() => {
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (wasConnected.current && status === 'not_connected' && lost) connectRef.current?.focus();
    wasConnected.current = status === 'connected';
  }, [status]);
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
              <Box
                component="button"
                type="button"
                sx={iconButtonSx}
                aria-label={`${spec.label} actions`}
                aria-haspopup="menu"
                aria-controls={menuAnchor ? menuId : undefined}
                aria-expanded={menuAnchor ? true : undefined}
                onPointerEnter={() => void loadMenu()}
                onFocus={() => void loadMenu()}
                onClick={(event) => {
                  setMenuUsed(true);
                  setMenuAnchor(event.currentTarget);
                }}
              >
                <MoreVert />
              </Box>
              {menuUsed && (
                <Suspense fallback={null}>
                  <IntegrationCardMenu
                    id={menuId}
                    anchorEl={menuAnchor}
                    onClose={() => setMenuAnchor(null)}
                    onEdit={() => {
                      setMenuAnchor(null);
                      if (integration) navigate(`/integrations/${integration.id}`);
                    }}
                    onDisconnect={() => {
                      setMenuAnchor(null);
                      setDialogUsed(true);
                      setDisconnecting(true);
                    }}
                  />
                </Suspense>
              )}
            </>
          )}
        </Box>
        {/* A chip's look without MUI's Chip, which the catalog would load only for this label. */}
        <Box
          component="span"
          sx={{
            display: 'inline-block',
            mt: 1.5,
            px: 1.25,
            borderRadius: 4,
            fontSize: '0.8125rem',
            lineHeight: '22px',
            border: '1px solid',
            ...(status === 'connected'
              ? { bgcolor: 'success.main', color: 'success.contrastText', borderColor: 'success.main' }
              : { color: 'text.primary', borderColor: 'divider' }),
          }}
        >
          {statusLabels[status]}
        </Box>
        {health}
        {integration && (
          <Typography variant="body2" color="text.secondary" component="dl" sx={{ mt: 1.5, mb: 0 }}>
            <Box sx={{ display: 'flex', gap: 0.5 }}>
              <dt>Added</dt>
              <dd style={{ margin: 0 }}>
                <DateTime value={integration.created} />
              </dd>
            </Box>
            <Box sx={{ display: 'flex', gap: 0.5 }}>
              <dt>Last updated</dt>
              <dd style={{ margin: 0 }}>
                <DateTime value={integration.updated} />
              </dd>
            </Box>
          </Typography>
        )}
      </CardContent>
      {status === 'not_connected' && (
        <CardActions>
          <Box
            component={RouterLink}
            to={`/integrations/${encodeURIComponent(spec.type)}/connect`}
            ref={connectRef}
            sx={containedLinkSx}
            aria-label={`Connect ${spec.label}`}
          >
            Connect
          </Box>
        </CardActions>
      )}
      {integration && dialogUsed && (
        <Suspense fallback={null}>
          <DisconnectDialog
            integration={integration}
            label={spec.label}
            open={disconnecting}
            onClose={() => setDisconnecting(false)}
          />
        </Suspense>
      )}
    </Card>
  );
}

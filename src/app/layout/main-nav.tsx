import Box from '@mui/material/Box';
import { NavLink } from '../../shared/navigation';

const links = [
  { to: '/integrations', label: 'Integrations' },
  { to: '/flows', label: 'Flows' },
  { to: '/deliveries', label: 'Delivery log' },
];

/** Plain links (NavLink sets aria-current="page"): a row in the full app bar, a column in the compact bar's menu. */
export function MainNav() {
  return (
    <Box component="nav" aria-label="Main">
      <Box
        component="ul"
        sx={(theme) => ({
          display: 'flex',
          gap: 0.5,
          listStyle: 'none',
          m: 0,
          p: 0,
          [theme.breakpoints.down('md')]: { flexDirection: 'column' },
        })}
      >
        {links.map((link) => (
          <li key={link.to}>
            <Box
              component={NavLink}
              to={link.to}
              sx={{
                display: 'inline-block',
                px: 1.5,
                py: 0.75,
                borderRadius: 1,
                color: 'inherit',
                textDecoration: 'none',
                fontWeight: 500,
                '&:hover': { bgcolor: 'rgba(255,255,255,0.12)' },
                '&:focus-visible': { outline: '2px solid currentColor', outlineOffset: 2 },
                '&[aria-current="page"]': { bgcolor: 'rgba(255,255,255,0.2)', textDecoration: 'underline' },
              }}
            >
              {link.label}
            </Box>
          </li>
        ))}
      </Box>
    </Box>
  );
}

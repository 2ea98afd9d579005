import Close from '@mui/icons-material/Close';
import Menu from '@mui/icons-material/Menu';
import Box from '@mui/material/Box';

export interface MenuButtonProps {
  open: boolean;
  controls: string;
  onToggle(): void;
}

/** The compact app bar's disclosure button (narrow screens, high zoom), styled like a small IconButton. */
export function MenuButton({ open, controls, onToggle }: MenuButtonProps) {
  return (
    <Box
      component="button"
      type="button"
      aria-label="Menu"
      aria-expanded={open}
      aria-controls={controls}
      onClick={onToggle}
      sx={(theme) => ({
        display: 'none',
        [theme.breakpoints.down('md')]: { display: 'inline-flex' },
        alignItems: 'center',
        justifyContent: 'center',
        p: 1,
        // 40 px tall: with these margins its row is the compact bar's 56 px, also while the menu is open below it.
        my: 1,
        mr: 0,
        ml: 'auto',
        color: 'inherit',
        bgcolor: 'transparent',
        border: 0,
        borderRadius: '50%',
        cursor: 'pointer',
        '&:hover': { bgcolor: 'rgba(255,255,255,0.12)' },
        '&:focus-visible': { outline: '2px solid currentColor', outlineOffset: 2 },
      })}
    >
      {open ? <Close aria-hidden /> : <Menu aria-hidden />}
    </Box>
  );
}

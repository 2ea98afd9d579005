import DarkMode from '@mui/icons-material/DarkMode';
import LightMode from '@mui/icons-material/LightMode';
import SettingsBrightness from '@mui/icons-material/SettingsBrightness';
import Box from '@mui/material/Box';
import { useColorMode, type ColorMode } from './color-mode';

const options: { mode: ColorMode; label: string; Icon: typeof LightMode }[] = [
  { mode: 'light', label: 'Light theme', Icon: LightMode },
  { mode: 'system', label: 'System theme', Icon: SettingsBrightness },
  { mode: 'dark', label: 'Dark theme', Icon: DarkMode },
];

/**
 * Three toggle buttons (`aria-pressed`) styled like MUI's ToggleButtonGroup, as plain buttons: that group, its
 * ripple and its roving focus are script every page would load for the first paint. A native `title` replaces the
 * Tooltip, which pulls in Popper.
 */
export function ThemeModeSwitch() {
  const { mode: current, setMode } = useColorMode();
  return (
    <Box role="group" aria-label="Theme" sx={{ display: 'inline-flex' }}>
      {options.map(({ mode: value, label, Icon }, index) => (
        <Box
          component="button"
          type="button"
          key={value}
          aria-label={label}
          aria-pressed={current === value}
          title={label}
          onClick={() => setMode(value)}
          sx={{
            display: 'inline-flex',
            alignItems: 'center',
            justifyContent: 'center',
            p: '7px',
            m: 0,
            ml: index === 0 ? 0 : '-1px',
            color: 'inherit',
            font: 'inherit',
            cursor: 'pointer',
            bgcolor: 'transparent',
            border: '1px solid rgba(255,255,255,0.4)',
            borderRadius: 0,
            ...(index === 0 && { borderTopLeftRadius: 8, borderBottomLeftRadius: 8 }),
            ...(index === options.length - 1 && { borderTopRightRadius: 8, borderBottomRightRadius: 8 }),
            '&:hover': { bgcolor: 'rgba(255,255,255,0.12)' },
            '&[aria-pressed="true"]': { bgcolor: 'rgba(255,255,255,0.24)' },
            '&:focus-visible': { outline: '2px solid currentColor', outlineOffset: 2, position: 'relative', zIndex: 1 },
          }}
        >
          <Icon fontSize="small" />
        </Box>
      ))}
    </Box>
  );
}

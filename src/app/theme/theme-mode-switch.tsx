import DarkMode from '@mui/icons-material/DarkMode';
import LightMode from '@mui/icons-material/LightMode';
import SettingsBrightness from '@mui/icons-material/SettingsBrightness';
import { useColorScheme } from '@mui/material/styles';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';

type Mode = 'light' | 'dark' | 'system';

const options: { mode: Mode; label: string; Icon: typeof LightMode }[] = [
  { mode: 'light', label: 'Light theme', Icon: LightMode },
  { mode: 'system', label: 'System theme', Icon: SettingsBrightness },
  { mode: 'dark', label: 'Dark theme', Icon: DarkMode },
];

export function ThemeModeSwitch() {
  const { mode, setMode } = useColorScheme();
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={mode ?? 'system'}
      onChange={(_, next: Mode | null) => next && setMode(next)}
      aria-label="Theme"
      sx={{ '& .MuiToggleButton-root': { color: 'inherit', borderColor: 'rgba(255,255,255,0.4)' } }}
    >
      {options.map(({ mode: value, label, Icon }) => (
        // A native title, not MUI's Tooltip: that one pulls Popper into the first paint of every page.
        <ToggleButton key={value} value={value} aria-label={label} title={label}>
          <Icon fontSize="small" />
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}

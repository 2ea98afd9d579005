import Chat from '@mui/icons-material/Chat';
import Extension from '@mui/icons-material/Extension';
import Groups from '@mui/icons-material/Groups';
import NotificationsActive from '@mui/icons-material/NotificationsActive';
import type { SvgIconProps } from '@mui/material/SvgIcon';

const icons: Record<string, typeof Extension> = {
  pagerduty: NotificationsActive,
  slack: Chat,
  msteams: Groups,
  teams: Groups,
  microsoft_teams: Groups,
};

/** Decorative: the card's name says what it is. */
export function IntegrationIcon({ type, ...props }: { type: string } & SvgIconProps) {
  const Icon = icons[type.toLowerCase()] ?? Extension;
  return <Icon aria-hidden {...props} />;
}

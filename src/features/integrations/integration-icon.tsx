import type { SvgIconProps } from '@mui/material/SvgIcon';
import { descriptorFor } from '../../integrations';

/** Decorative: the card's name says what it is. */
export function IntegrationIcon({ type, ...props }: { type: string } & SvgIconProps) {
  const { Icon } = descriptorFor(type);
  return <Icon aria-hidden {...props} />;
}

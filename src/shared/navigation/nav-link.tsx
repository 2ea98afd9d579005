import { Link, useLocation } from 'wouter';
import type { ComponentProps } from 'react';

/** A link marked `aria-current="page"` on its own page and below it (Integrations stays current on /integrations/5). */
export function NavLink({ to, ...props }: Omit<ComponentProps<'a'>, 'href'> & { to: string }) {
  const [pathname] = useLocation();
  const current = pathname === to || pathname.startsWith(`${to}/`);
  return <Link to={to} aria-current={current ? 'page' : undefined} {...props} />;
}

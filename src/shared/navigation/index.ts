export { NavigationRouter } from './navigation-router';
export { NavLink } from './nav-link';
export { useBlocker, type Blocker } from './use-blocker';
export { useCurrentHref, useNavigate } from './use-navigation';
export { navigate, startAt } from './blockable-history';
export { useSearchParams } from 'wouter';

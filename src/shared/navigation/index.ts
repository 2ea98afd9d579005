export { NavigationRouter } from './navigation-router';
export { NavLink } from './nav-link';
export { useBlocker, type Blocker } from './use-blocker';
export { useCurrentHref, useNavigate } from './use-navigation';
export { currentState, navigate, startAt } from './blockable-history';
export { parseId } from './parse-id';
export { useSearchParams } from 'wouter';

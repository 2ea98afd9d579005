export * from './common';
export * from './users';
export * from './specifications';
export * from './integrations';
export * from './flows';
export * from './tokens';
export * from './test-notification';
export * from './endpoints';

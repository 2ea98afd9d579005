// InlineNotifications is imported from './inline-notifications' by the one page that uses it: re-exported here, the
// build's shell (everything the entry imports statically, vite.config.ts) would carry it and MUI's Alert on every page.
export { NotifierProvider, useNotify, type Notification, type Notify } from './notifier';

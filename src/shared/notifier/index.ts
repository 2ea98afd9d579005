export { InlineNotifications } from './inline-notifications';
export { NotifierProvider, useNotify, type Notification, type Notify } from './notifier';

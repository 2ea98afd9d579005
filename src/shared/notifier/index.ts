export { NotifierProvider, useNotify, type Notification } from './notifier';

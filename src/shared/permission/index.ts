export { DisabledReason } from './disabled-reason';
export { usePermission, type Permission } from './use-permission';

import { buildOpenApiDocument } from '../../src/api/contract/openapi';
import type { Handlers } from '../http/register-endpoints';
import { actionNotificationSpecs } from '../specs/action-notification-specs';
import { notificationTokens } from '../specs/notification-tokens';
import type { Services } from './services';

type MetaHandlers = Pick<
  Handlers,
  'health' | 'openapi' | 'me' | 'actionNotificationSpecs' | 'actionNotificationSpecsAlias' | 'notificationTokens'
>;

export function metaHandlers({ config }: Services): MetaHandlers {
  const openApi = buildOpenApiDocument(config.publicUrl);
  const tokens = notificationTokens(config.publicUrl);
  return {
    health: () => ({ status: 'ok' as const }),
    openapi: () => openApi,
    me: ({ user }) => user!,
    actionNotificationSpecs: () => [...actionNotificationSpecs],
    actionNotificationSpecsAlias: () => [...actionNotificationSpecs],
    notificationTokens: () => tokens,
  };
}

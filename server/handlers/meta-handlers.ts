import { buildOpenApiDocument } from '../../src/api/contract/openapi';
import type { Handlers } from '../http/register-endpoints';
import { notificationTokens } from '../specs/notification-tokens';
import type { Services } from './services';

type MetaHandlers = Pick<
  Handlers,
  'health' | 'openapi' | 'me' | 'actionNotificationSpecs' | 'actionNotificationSpecsAlias' | 'notificationTokens'
>;

export function metaHandlers({ config, connectors }: Services): MetaHandlers {
  const openApi = buildOpenApiDocument(config.publicUrl);
  const tokens = notificationTokens(config.publicUrl);
  const actionSpecs = () => connectors.allConnectors().flatMap((c) => (c.actionSpec ? [c.actionSpec] : []));
  return {
    health: () => ({ status: 'ok' as const }),
    openapi: () => openApi,
    me: ({ user }) => user!,
    actionNotificationSpecs: actionSpecs,
    actionNotificationSpecsAlias: actionSpecs,
    notificationTokens: () => tokens,
  };
}

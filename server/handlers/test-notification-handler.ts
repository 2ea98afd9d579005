import type { HandlerContext, Handlers } from '../http/register-endpoints';
import { validationError } from '../http/http-error';
import type { Services } from './services';

/** The test of a flow action is the action's connector's business; this only finds the connector. */
export function testNotificationHandlers(
  services: Services,
): Pick<Handlers, 'testNotification' | 'testNotificationAlias'> {
  const send = (ctx: Pick<HandlerContext<'testNotification'>, 'body' | 'user' | 'request'>) => {
    const tester = services.connectors.connectorForAction(ctx.body.type)?.testAction;
    if (!tester) {
      throw validationError([{ loc: ['body', 'type'], msg: 'Unknown action type', type: 'enum' }]);
    }
    return tester(ctx, services);
  };
  return { testNotification: send, testNotificationAlias: send };
}

import type { IntegrationSpec } from '../../../src/api/contract';
import { HttpError } from '../../http/http-error';
import type { Connector } from '../../integrations/connector';

/** A chat type that exists only in tests: it proves a new type needs no change to the generic code. */
export const exampleChatSpec: IntegrationSpec = {
  label: 'Example Chat',
  type: 'example_chat',
  implemented: true,
  category: 'alerting',
  properties: [
    {
      field: 'bot_token',
      map_to: 'api_access_token',
      required: true,
      secret: true,
      type: 'string',
      title: 'Bot Token',
    },
    { field: 'channel', required: true, type: 'string', title: 'Channel' },
    // A type no form engine knows: the server accepts it as is.
    { field: 'accent', required: false, type: 'colour', title: 'Accent colour' },
  ],
};

export const EXAMPLE_CHANNELS = [
  { id: 'C01', name: '#data-alerts' },
  { id: 'C02', name: '#on-call' },
];

/** Accepts tokens starting `xoxb-`; `checked` records every token it was asked about. */
export function exampleChatConnector(checked: string[] = []): Connector {
  const failureToHttpError: Connector['failureToHttpError'] = (failure, field) =>
    new HttpError(400, {
      detail: field
        ? [{ loc: ['body', field], msg: failure.detail, type: `example_chat.${failure.code}` }]
        : failure.detail,
      code: failure.code,
    });
  return {
    type: exampleChatSpec.type,
    spec: exampleChatSpec,
    async validateCredentials(secrets) {
      const token = secrets.api_access_token;
      if (token === undefined) return;
      checked.push(token);
      if (!token.startsWith('xoxb-')) {
        throw failureToHttpError({ code: 'invalid_key', detail: 'Example Chat refused the token' }, 'api_access_token');
      }
    },
    listChannels(integration, { integrations }) {
      if (!integration) throw new HttpError(409, { detail: 'Example Chat is not connected.' });
      // Listing needs the stored token, as a real chat service's API would.
      if (!integrations.secret(integration.id, 'api_access_token')) throw new HttpError(409, { detail: 'No token' });
      return EXAMPLE_CHANNELS;
    },
    failureToHttpError,
  };
}

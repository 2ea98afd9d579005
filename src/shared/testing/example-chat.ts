import Chat from '@mui/icons-material/Chat';
import type { Integration, IntegrationSpec } from '../../api/contract';
import { genericDescriptor, type IntegrationDescriptor } from '../../integrations';

/** A second integration type that only tests know: proves the generic code handles a type it never names. */
export const exampleChatDescriptor: IntegrationDescriptor = {
  ...genericDescriptor,
  type: 'example_chat',
  Icon: Chat,
  copy: { validating: () => 'Checking the bot token with Example Chat…', saving: 'Saving…' },
  channelField: 'channel',
};

export const exampleChatSpec: IntegrationSpec = {
  label: 'Example Chat',
  type: 'example_chat',
  implemented: true,
  category: 'alerting',
  properties: [
    // Optional on purpose: only `secrets_configured` can say it is stored (the required-secret guess cannot).
    { field: 'bot_token', map_to: 'api_access_token', type: 'string', secret: true, title: 'Bot Token' },
    { field: 'channel', type: 'string', title: 'Channel', required: true },
    { field: 'accent', type: 'colour', title: 'Accent' },
  ],
};

export const exampleChatIntegration: Integration = {
  id: 11,
  type: 'example_chat',
  created: '2026-11-20T10:00:00Z',
  updated: '2026-11-20T10:00:00Z',
  channel: 'C2',
  accent: '#0af',
  secrets_configured: { api_access_token: true },
};

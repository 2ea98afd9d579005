import {
  testEventSamples,
  triggerTypeLabels,
  type MessageToken,
  type TriggerTokens,
  type TriggerType,
} from '../../src/api/contract';

type TokenName =
  | 'flow_name'
  | 'datastore_name'
  | 'datastore_link'
  | 'container_name'
  | 'container_link'
  | 'anomaly_type'
  | 'anomaly_message'
  | 'check_description'
  | 'target_link'
  | 'scan_target_name'
  | 'anomaly_count'
  | 'operation_type'
  | 'operation_result'
  | 'operation_message'
  | 'inactivity_timeframe';

/** Sample values used by test notifications and the editor's preview; links point at this deployment. */
export const sampleContext = { flowName: 'Orders freshness', ...testEventSamples } as const;

function tokenCatalog(publicUrl: string): Record<TokenName, Omit<MessageToken, 'name'>> {
  return {
    flow_name: { description: 'Name of the Flow', sample: sampleContext.flowName },
    datastore_name: { description: 'Name of the datastore', sample: sampleContext.datastore },
    datastore_link: { description: 'Link to the datastore in Qualytics', sample: `${publicUrl}/datastores/42` },
    container_name: { description: 'Name of the container (table or file)', sample: sampleContext.container },
    container_link: { description: 'Link to the container in Qualytics', sample: `${publicUrl}/containers/1337` },
    anomaly_type: { description: 'Type of the anomaly (Shape or Record)', sample: 'Shape' },
    anomaly_message: {
      description: 'What the anomaly found',
      sample: 'The maximum age of orders.updated_at is 26 hours, above the 24 hours allowed',
    },
    check_description: { description: 'Description of the failed check', sample: 'Orders must refresh every 24 hours' },
    target_link: { description: 'Link to what triggered the Flow', sample: `${publicUrl}/anomalies/12345` },
    scan_target_name: { description: 'Name of the scanned partition', sample: 'orders (2026-03-12)' },
    anomaly_count: { description: 'Number of anomalies', sample: '3' },
    operation_type: { description: 'Type of the operation (catalog, profile, scan, ...)', sample: 'scan' },
    operation_result: { description: 'Result of the operation', sample: 'success' },
    operation_message: {
      description: 'Message of the operation',
      sample: 'Scan of Snowflake Prod finished: 3 anomalies',
    },
    inactivity_timeframe: {
      description: 'Inactivity period before anomalies were archived or deleted',
      sample: '30 days',
    },
  };
}

/** Archiving and deleting anomalies report the same things. */
const anomalyCleanupTokens: TokenName[] = [
  'flow_name',
  'datastore_name',
  'datastore_link',
  'anomaly_count',
  'inactivity_timeframe',
  'target_link',
];

const tokensByTrigger: Record<TriggerType, TokenName[]> = {
  anomaly: [
    'flow_name',
    'datastore_name',
    'datastore_link',
    'container_name',
    'container_link',
    'anomaly_type',
    'anomaly_message',
    'check_description',
    'target_link',
  ],
  operation: [
    'flow_name',
    'datastore_name',
    'datastore_link',
    'operation_type',
    'operation_result',
    'operation_message',
    'target_link',
  ],
  partition_scan: [
    'flow_name',
    'datastore_name',
    'datastore_link',
    'container_name',
    'container_link',
    'scan_target_name',
    'anomaly_count',
    'anomaly_message',
    'check_description',
    'target_link',
  ],
  anomaly_archive: anomalyCleanupTokens,
  anomaly_delete: anomalyCleanupTokens,
  schedule: [],
  manual: [],
};

export function notificationTokens(publicUrl: string): TriggerTokens[] {
  const catalog = tokenCatalog(publicUrl);
  return (Object.keys(tokensByTrigger) as TriggerType[]).map((trigger) => ({
    trigger_type: trigger,
    label: triggerTypeLabels[trigger],
    tokens: tokensByTrigger[trigger].map((name) => ({ name, ...catalog[name] })),
  }));
}

/** Fills `{{ token }}` (spaces optional) with the trigger's sample values; unknown tokens are left as typed. */
export function renderMessage(
  message: string,
  trigger: TriggerType,
  publicUrl: string,
  overrides: Partial<Record<string, string>> = {},
): string {
  const catalog = tokenCatalog(publicUrl);
  const values = new Map<string, string>(tokensByTrigger[trigger].map((name) => [name, catalog[name].sample]));
  for (const [name, value] of Object.entries(overrides)) {
    if (value !== undefined && values.has(name)) values.set(name, value);
  }
  return message.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (whole, name: string) => values.get(name) ?? whole);
}

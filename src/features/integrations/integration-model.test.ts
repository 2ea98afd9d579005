import { describe, expect, it } from 'vitest';
import {
  catalogSpec,
  flowWithPagerDuty,
  pagerDutyIntegration,
  pagerDutySpec,
  slackSpec,
} from '../../shared/testing/samples';
import {
  buildCatalog,
  categoryLabel,
  configuredSecretFields,
  currentValues,
  flowsWithActionType,
} from './integration-model';

describe('buildCatalog', () => {
  it('groups by category in server order and joins what is connected', () => {
    const groups = buildCatalog([pagerDutySpec, catalogSpec, slackSpec], [pagerDutyIntegration]);
    expect(groups.map((group) => group.category)).toEqual(['alerting', 'data_catalog']);
    expect(groups[0]?.entries.map((entry) => [entry.spec.type, entry.status])).toEqual([
      ['pagerduty', 'connected'],
      ['slack', 'coming_soon'],
    ]);
    expect(groups[0]?.entries[0]?.integration).toBe(pagerDutyIntegration);
    expect(groups[1]?.entries[0]?.status).toBe('not_connected');
  });
});

describe('categoryLabel', () => {
  it('turns a category key into words', () => {
    expect(categoryLabel('alerting')).toBe('Alerting');
    expect(categoryLabel('data_catalog')).toBe('Data catalog');
    expect(categoryLabel('')).toBe('Other');
  });
});

describe('form values of an integration', () => {
  it('never reads a secret into the form', () => {
    const leaked = { ...pagerDutyIntegration, api_access_token: 'should-never-appear' };
    expect(currentValues(pagerDutySpec.properties, leaked)).toEqual({});
  });

  it('reads a lone map_to as the renamed key and shared ones nested by field', () => {
    const properties = [
      { field: 'host', type: 'string' },
      { field: 'workspace', map_to: 'team_id', type: 'string' },
      { field: 'region', map_to: 'settings', type: 'string' },
      { field: 'zone', map_to: 'settings', type: 'string' },
    ];
    const stored = { ...pagerDutyIntegration, host: 'h', team_id: 'T1', settings: { region: 'eu', zone: 'b' } };
    expect(currentValues(properties, stored)).toEqual({ host: 'h', workspace: 'T1', region: 'eu', zone: 'b' });
  });
});

describe('configuredSecretFields', () => {
  const properties = [
    { field: 'bot_token', map_to: 'api_access_token', type: 'string', secret: true, required: true },
    { field: 'signing_secret', type: 'string', secret: true },
  ];

  it('takes what the server says is stored, by request key', () => {
    const integration = {
      ...pagerDutyIntegration,
      secrets_configured: { api_access_token: false, signing_secret: true },
    };
    expect(configuredSecretFields(properties, integration)).toEqual(['signing_secret']);
    const both = { ...pagerDutyIntegration, secrets_configured: { api_access_token: true, signing_secret: true } };
    expect(configuredSecretFields(properties, both)).toEqual(['bot_token', 'signing_secret']);
  });

  it('without secrets_configured (a brief-only server) takes the required secrets as stored', () => {
    expect(configuredSecretFields(properties, pagerDutyIntegration)).toEqual(['bot_token']);
    expect(configuredSecretFields(pagerDutySpec.properties, pagerDutyIntegration)).toEqual(['api_access_token']);
  });
});

describe('flowsWithActionType', () => {
  it('keeps only flows with an action of that type', () => {
    const quiet = { ...flowWithPagerDuty, id: 9, actions: [] };
    expect(flowsWithActionType([flowWithPagerDuty, quiet], 'PagerDuty')).toEqual([flowWithPagerDuty]);
  });
});

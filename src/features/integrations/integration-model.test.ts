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
  flowsUsingPagerDuty,
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
  it('treats required secrets as configured and never reads a secret into the form', () => {
    expect(configuredSecretFields(pagerDutySpec.properties)).toEqual(['api_access_token']);
    const leaked = { ...pagerDutyIntegration, api_access_token: 'should-never-appear' };
    expect(currentValues(pagerDutySpec.properties, leaked)).toEqual({});
  });

  it('reads plain and nested values by map_to', () => {
    const properties = [
      { field: 'host', type: 'string' },
      { field: 'region', map_to: 'settings', type: 'string' },
    ];
    expect(currentValues(properties, { ...pagerDutyIntegration, host: 'h', settings: { region: 'eu' } })).toEqual({
      host: 'h',
      region: 'eu',
    });
  });
});

describe('flowsUsingPagerDuty', () => {
  it('keeps only flows with a PagerDuty action', () => {
    const quiet = { ...flowWithPagerDuty, id: 9, actions: [] };
    expect(flowsUsingPagerDuty([flowWithPagerDuty, quiet])).toEqual([flowWithPagerDuty]);
  });
});

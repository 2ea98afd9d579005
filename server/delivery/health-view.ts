import type { Flow, Integration } from '../../src/api/contract';
import type { HealthStore } from './health-store';

/** Adds `health` to integrations; one query per call, however many integrations follow. */
export function integrationHealth(health: HealthStore) {
  const of = health.all('integration');
  return <T extends Integration>(integration: T): T => ({ ...integration, health: of(integration.id) });
}

/** Adds `health` to every action of flows; one query per call, however many flows and actions follow. */
export function actionHealth(health: HealthStore) {
  const of = health.all('action');
  return (flow: Flow): Flow => ({ ...flow, actions: flow.actions.map((a) => ({ ...a, health: of(a.id) })) });
}

import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState, type ComponentType } from 'react';
import { useParams, useSearchParams } from 'wouter';
import { useNavigate } from '../shared/navigation';
import type { Integration } from '../api/contract';
import { flowQueries, integrationQueries } from '../api/queries';
import { QueryErrorAlert } from '../shared/errors';
import { InlineNotifications } from '../shared/notifier/inline-notifications';
import { PageLoading } from '../shared/page-loading';
import { ConnectIntegrationForm } from '../features/integrations';
import { ConnectStep } from './setup-wizard/connect-step';
import { WizardFrame } from './setup-wizard/wizard-frame';
import { useActionDependencies } from './use-action-dependencies';

// The wizard past Connect (action form, editor, flows) is its own chunk, and its data (action specifications,
// message tokens, flows) is fetched only once PagerDuty is connected: a first visit downloads just the Connect step.
const PagerDutyWizard = lazy(async () => ({
  default: (await import('./setup-wizard/pagerduty-wizard')).PagerDutyWizard,
}));

/** `/integrations/:type/connect`: the full setup wizard for PagerDuty, the connect form for other types. */
export function SetupWizardPage() {
  const { type = '' } = useParams();
  const navigate = useNavigate();
  const Setup = Object.hasOwn(setupWizards, type) ? setupWizards[type] : undefined;
  if (!Setup) {
    return (
      <ConnectIntegrationForm type={type} onConnected={(integration) => navigate(`/integrations/${integration.id}`)} />
    );
  }
  // Its success messages show at its top: a toast would cover the next step's fields.
  return (
    <InlineNotifications>
      <Setup />
    </InlineNotifications>
  );
}

/** The types with a guided setup, by integration type; every other type gets its connect form. */
const setupWizards: Readonly<Record<string, ComponentType>> = { pagerduty: PagerDutySetup };

function PagerDutySetup() {
  const integrations = useQuery(integrationQueries.list());
  const [connected, setConnected] = useState<Integration | undefined>();
  const [, setSearchParams] = useSearchParams();
  if (integrations.isPending) return <PageLoading label="Loading the PagerDuty setup" />;
  if (integrations.isError)
    return (
      <QueryErrorAlert
        error={integrations.error}
        title="The PagerDuty setup could not be loaded"
        onRetry={() => void integrations.refetch()}
      />
    );
  const integration = integrations.data.find((i) => i.type === 'pagerduty') ?? connected;
  if (!integration) {
    // Whatever step the address names, nothing past Connect is possible before PagerDuty is connected.
    return (
      <WizardFrame step="connect" connected={false}>
        <ConnectStep
          integration={undefined}
          onConnected={(created) => {
            setConnected(created);
            setSearchParams({ step: 'notification' });
          }}
          onNext={() => undefined}
        />
      </WizardFrame>
    );
  }
  return <PagerDutyConnectedSetup connected={connected} />;
}

function PagerDutyConnectedSetup({ connected }: { connected: Integration | undefined }) {
  const deps = useActionDependencies();
  const flows = useQuery(flowQueries.list());
  if (deps.pending || flows.isPending) return <PageLoading label="Loading the PagerDuty setup" />;
  if (deps.error)
    return <QueryErrorAlert error={deps.error} title="The PagerDuty setup could not be loaded" onRetry={deps.retry} />;
  if (flows.isError)
    return (
      <QueryErrorAlert error={flows.error} title="The flows could not be loaded" onRetry={() => void flows.refetch()} />
    );
  return (
    <Suspense fallback={<PageLoading label="Loading the PagerDuty setup" />}>
      <PagerDutyWizard deps={deps} flows={flows.data} connected={connected} focusOnMount={connected !== undefined} />
    </Suspense>
  );
}

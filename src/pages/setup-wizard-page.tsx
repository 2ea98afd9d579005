import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { flowQueries } from '../api/queries';
import { QueryErrorAlert } from '../app/errors';
import { PageLoading } from '../app/page-loading';
import { ConnectIntegrationForm } from '../features/integrations';
import { PagerDutyWizard } from './setup-wizard/pagerduty-wizard';
import { useActionDependencies } from './use-action-dependencies';

/** `/integrations/:type/connect`: the full setup wizard for PagerDuty, the connect form for other types. */
export function SetupWizardPage() {
  const { type = '' } = useParams();
  const navigate = useNavigate();
  if (type !== 'pagerduty') {
    return (
      <ConnectIntegrationForm
        type={type}
        onConnected={(integration) => void navigate(`/integrations/${integration.id}`)}
      />
    );
  }
  return <PagerDutySetup />;
}

function PagerDutySetup() {
  const deps = useActionDependencies();
  const flows = useQuery(flowQueries.list());
  if (deps.pending || flows.isPending) return <PageLoading label="Loading the PagerDuty setup" />;
  if (deps.error)
    return <QueryErrorAlert error={deps.error} title="The PagerDuty setup could not be loaded" onRetry={deps.retry} />;
  if (flows.isError)
    return (
      <QueryErrorAlert error={flows.error} title="The flows could not be loaded" onRetry={() => void flows.refetch()} />
    );
  return <PagerDutyWizard deps={deps} flows={flows.data} />;
}

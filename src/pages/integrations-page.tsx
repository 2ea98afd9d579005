import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { useEffect, useRef } from 'react';
import { currentState } from '../shared/navigation';
import { useQuery } from '@tanstack/react-query';
import { integrationQueries, specificationQueries } from '../api/queries';
import { LazyQueryErrorAlert as QueryErrorAlert } from '../shared/errors/lazy-error-views';
import { IntegrationHealth } from '../features/delivery-health/integration-health';
import { IntegrationCard } from '../features/integrations/integration-card';
import { buildCatalog, categoryLabel } from '../features/integrations/integration-model';

// A CSS grid on a Box instead of MUI's Grid and Stack: the same layout, less script on the first paint.
const cardGrid = {
  display: 'grid',
  gap: 2,
  gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, minmax(0, 1fr))', md: 'repeat(3, minmax(0, 1fr))' },
} as const;

export function IntegrationsPage() {
  // Both start together: the catalog and what is connected do not depend on each other.
  const specs = useQuery(specificationQueries.integrations());
  const integrations = useQuery(integrationQueries.list());
  const error = specs.error ?? integrations.error;
  const headingRef = useRef<HTMLHeadingElement | null>(null);

  // Arriving from a page that is gone (a disconnected integration's settings): focus starts at the heading.
  useEffect(() => {
    const state = currentState();
    if (typeof state === 'object' && state !== null && (state as { focus?: unknown }).focus === 'heading')
      headingRef.current?.focus();
  }, []);

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 3 }}>
      <title>Integrations · Qualytics Integrations</title>
      <Box>
        <Typography variant="h1" gutterBottom ref={headingRef} tabIndex={-1} sx={{ '&:focus': { outline: 'none' } }}>
          Integrations
        </Typography>
        <Typography color="text.secondary">
          Connect Qualytics to the tools your team already uses to be alerted about data quality.
        </Typography>
      </Box>
      {error ? (
        <QueryErrorAlert
          error={error}
          title="The integrations could not be loaded"
          onRetry={() => {
            if (specs.isError) void specs.refetch();
            if (integrations.isError) void integrations.refetch();
          }}
        />
      ) : !specs.isSuccess || !integrations.isSuccess ? (
        <Box sx={cardGrid} aria-busy="true" aria-label="Loading integrations">
          {[0, 1, 2].map((index) => (
            <Skeleton key={index} variant="rounded" height={160} />
          ))}
        </Box>
      ) : (
        buildCatalog(specs.data, integrations.data).map((group) => (
          <Box component="section" key={group.category} aria-labelledby={`category-${group.category}`}>
            <Typography variant="h2" id={`category-${group.category}`} sx={{ mb: 1.5 }}>
              {categoryLabel(group.category)}
            </Typography>
            <Box sx={cardGrid}>
              {group.entries.map((entry) => (
                <IntegrationCard
                  key={entry.spec.type}
                  entry={entry}
                  health={
                    entry.integration && <IntegrationHealth integration={entry.integration} label={entry.spec.label} />
                  }
                />
              ))}
            </Box>
          </Box>
        ))
      )}
    </Box>
  );
}

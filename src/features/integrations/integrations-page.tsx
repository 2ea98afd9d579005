import Box from '@mui/material/Box';
import Grid from '@mui/material/Grid';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { integrationQueries, specificationQueries } from '../../api/queries';
import { QueryErrorAlert } from '../../app/errors';
import { IntegrationCard } from './integration-card';
import { buildCatalog, categoryLabel } from './integration-model';

export function IntegrationsPage() {
  // Both start together: the catalog and what is connected do not depend on each other.
  const specs = useQuery(specificationQueries.integrations());
  const integrations = useQuery(integrationQueries.list());
  const error = specs.error ?? integrations.error;

  return (
    <Stack spacing={3}>
      <title>Integrations · Qualytics Integrations</title>
      <Box>
        <Typography variant="h1" gutterBottom>
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
        <Grid container spacing={2} aria-busy="true" aria-label="Loading integrations">
          {[0, 1, 2].map((index) => (
            <Grid key={index} size={{ xs: 12, sm: 6, md: 4 }}>
              <Skeleton variant="rounded" height={160} />
            </Grid>
          ))}
        </Grid>
      ) : (
        buildCatalog(specs.data, integrations.data).map((group) => (
          <Box component="section" key={group.category} aria-labelledby={`category-${group.category}`}>
            <Typography variant="h2" id={`category-${group.category}`} sx={{ mb: 1.5 }}>
              {categoryLabel(group.category)}
            </Typography>
            <Grid container spacing={2}>
              {group.entries.map((entry) => (
                <Grid key={entry.spec.type} size={{ xs: 12, sm: 6, md: 4 }}>
                  <IntegrationCard entry={entry} />
                </Grid>
              ))}
            </Grid>
          </Box>
        ))
      )}
    </Stack>
  );
}

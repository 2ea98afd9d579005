import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import CheckCircle from '@mui/icons-material/CheckCircle';
import { Link as RouterLink } from 'wouter';
import type { ApiError } from '../../api/api-error';
import type { TestNotificationResponse } from '../../api/contract';
import { ColumnHeads } from '../../shared/column-heads';
import { Fact, FactList } from '../../shared/fact-list';
import { pagerDutyReason } from '../../shared/errors';
import { DateTime } from '../../shared/format';
import { explainFailure } from './explain-failure';
import { OwnLimitCard } from './own-limit-card';
import { ResolveTestIncident } from './resolve-test-incident';
import { severityColors } from './severity-colors';
import { StatusLinkText } from './status-link-text';

export type TestOutcome =
  { kind: 'delivered'; response: TestNotificationResponse } | { kind: 'failed'; error: ApiError; at: Date };

const detailValue = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

function DeliveredCard({ response }: { response: TestNotificationResponse }) {
  const { event } = response;
  const colors = severityColors[event.payload.severity];
  const details = Object.entries(event.payload.custom_details ?? {});
  return (
    <Card variant="outlined" component="section" aria-labelledby="test-result-title">
      <Box
        sx={{
          display: 'flex',
          alignItems: 'center',
          gap: 1,
          px: 2,
          py: 1,
          bgcolor: 'success.main',
          color: 'success.contrastText',
        }}
      >
        <CheckCircle fontSize="small" aria-hidden />
        <Typography variant="subtitle2" component="p">
          Delivered — this is the incident PagerDuty received
        </Typography>
      </Box>
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1.5, mb: 2 }}>
          <Box
            component="span"
            sx={{
              bgcolor: colors.background,
              color: colors.color,
              px: 1,
              py: 0.25,
              borderRadius: 1,
              fontWeight: 700,
              fontSize: 13,
              textTransform: 'uppercase',
              flexShrink: 0,
            }}
          >
            {colors.label}
          </Box>
          <Typography
            id="test-result-title"
            variant="h6"
            component="h3"
            sx={{ overflowWrap: 'anywhere', lineHeight: 1.3 }}
          >
            {event.payload.summary}
          </Typography>
        </Box>
        <FactList dense>
          <Fact label="Source">{event.payload.source}</Fact>
          {event.payload.component && <Fact label="Component">{event.payload.component}</Fact>}
          {event.payload.class && <Fact label="Class">{event.payload.class}</Fact>}
          <Fact label="Dedup key">
            <Box component="code" sx={{ fontFamily: 'monospace' }}>
              {response.pagerduty.dedup_key}
            </Box>
          </Fact>
          <Fact label="Sent">
            <DateTime value={response.sent_at} />
          </Fact>
          <Fact label="Routing key">
            {response.key_source === 'override' ? "This action's override" : "The integration's key"} ending in{' '}
            <Box component="code" sx={{ fontFamily: 'monospace' }}>
              {response.routing_key_last4}
            </Box>
          </Fact>
          <Fact label="PagerDuty said">
            {response.pagerduty.status}: {response.pagerduty.message}
          </Fact>
        </FactList>
        {details.length > 0 && (
          <Table size="small" sx={{ mt: 2 }} aria-label="Custom details">
            <ColumnHeads columns={['Detail', 'Value']} />
            <TableBody>
              {details.map(([key, value]) => (
                <TableRow key={key}>
                  {/* Keys wrap at natural points only (the page's `anywhere` made "check_type" break mid-word);
                      values may break anywhere so a long one never widens the card. */}
                  <TableCell component="th" scope="row" sx={{ overflowWrap: 'break-word', wordBreak: 'keep-all' }}>
                    {key}
                  </TableCell>
                  <TableCell sx={{ overflowWrap: 'anywhere' }}>{detailValue(value)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {event.links && event.links.length > 0 && (
          <Box component="ul" sx={{ mt: 2, mb: 0, pl: 2 }} aria-label="Links">
            {event.links.map((link) => (
              <li key={link.href}>
                <Link href={link.href} target="_blank" rel="noopener noreferrer">
                  {link.text ?? link.href}
                </Link>
              </li>
            ))}
          </Box>
        )}
        {response.delivery_id !== undefined && <ResolveTestIncident deliveryId={response.delivery_id} />}
      </CardContent>
    </Card>
  );
}

function FailedCard({ error, at }: { error: ApiError; at: Date }) {
  // Our own limit carries no failure code; PagerDuty's has `rate_limited`.
  if (error.kind === 'rate_limited' && !error.code) return <OwnLimitCard error={error} at={at} />;
  const explanation = explainFailure(error, at);
  const reply = error.pagerduty;
  return (
    <Box component="section" aria-labelledby="test-result-title">
      <Alert severity="error" variant="outlined">
        <AlertTitle id="test-result-title" component="h3">
          Not delivered: {explanation.title}
        </AlertTitle>
        <FactList dense>
          <Fact label="Reason">
            <Box component="q" sx={{ fontStyle: 'italic' }}>
              {pagerDutyReason(error)}
            </Box>
            {reply?.http_status !== undefined && ` (PagerDuty answered ${reply.http_status})`}
          </Fact>
          <Fact label="What it means">{explanation.meaning}</Fact>
          <Fact label="What to do">
            <StatusLinkText text={explanation.action} />
            {explanation.connectLink && (
              <>
                {' '}
                <Link component={RouterLink} to="/integrations/pagerduty/connect">
                  Connect PagerDuty
                </Link>
              </>
            )}
          </Fact>
          <Fact label="Tried">
            <DateTime value={at} />
          </Fact>
        </FactList>
      </Alert>
    </Box>
  );
}

/** The result of Send test, kept on screen: the incident as PagerDuty shows it, or why it failed. */
export function TestResultCard({ outcome }: { outcome: TestOutcome }) {
  return outcome.kind === 'delivered' ? (
    <DeliveredCard response={outcome.response} />
  ) : (
    <FailedCard error={outcome.error} at={outcome.at} />
  );
}

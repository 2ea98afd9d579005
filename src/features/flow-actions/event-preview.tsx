import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { pagerDutyLimits } from '../../api/contract';
import { Fact, FactList } from '../../shared/fact-list';
import { formatKb, type EventPreview as Preview } from './build-event-preview';

const fieldLabel = { tokenized_message: 'Message', custom_details: 'Additional Details' } as const;

const shownChars = 20_000;

/** A huge event would make every keystroke re-render megabytes of text: show its start only. */
function shortJson(value: unknown): string {
  const text = JSON.stringify(value, null, 2);
  return text.length > shownChars
    ? `${text.slice(0, shownChars)}\n… (${formatKb(text.length)} in all, cut here)`
    : text;
}

/** The trigger event that will be sent, recomputed as the user types, with PagerDuty's limits checked. */
export function EventPreview({ preview }: { preview: Preview }) {
  const { event, summaryChars, eventBytes, problems } = preview;
  const sizeShare = Math.min(100, (eventBytes / pagerDutyLimits.eventBytes) * 100);
  return (
    <Paper variant="outlined" component="section" aria-labelledby="event-preview-title" sx={{ p: 2 }}>
      <Typography id="event-preview-title" variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
        Event preview
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        The trigger event PagerDuty will receive, with sample values for the tokens.
      </Typography>
      {problems.length > 0 && (
        <Alert severity="error" sx={{ mb: 1 }} role="alert">
          {problems.map((p) => (
            <div key={p.field}>
              <strong>{fieldLabel[p.field]}:</strong> {p.message}
            </div>
          ))}
        </Alert>
      )}
      <FactList dense>
        <Fact label="Summary">
          {event.payload.summary}
          <Typography
            component="span"
            variant="caption"
            color={summaryChars > pagerDutyLimits.summaryChars ? 'error' : 'text.secondary'}
            sx={{ display: 'block' }}
          >
            {summaryChars.toLocaleString('en-US')} / {pagerDutyLimits.summaryChars.toLocaleString('en-US')} characters
          </Typography>
        </Fact>
        <Fact label="Severity">{event.payload.severity}</Fact>
        <Fact label="Routing key">{event.routing_key}</Fact>
        <Fact label="Size">
          {formatKb(eventBytes)} of {formatKb(pagerDutyLimits.eventBytes)}
          <LinearProgress
            variant="determinate"
            value={sizeShare}
            color={eventBytes > pagerDutyLimits.eventBytes ? 'error' : 'primary'}
            aria-label="Event size against PagerDuty's limit"
            sx={{ mt: 0.5 }}
          />
        </Fact>
      </FactList>
      <Box
        component="pre"
        // Scrollable, so it must be reachable by keyboard.
        tabIndex={0}
        aria-label="Event JSON"
        sx={{
          mt: 1.5,
          mb: 0,
          p: 1.5,
          maxHeight: 360,
          overflow: 'auto',
          fontSize: 12,
          bgcolor: 'action.hover',
          borderRadius: 1,
          whiteSpace: 'pre-wrap',
          overflowWrap: 'anywhere',
        }}
      >
        {shortJson(event)}
      </Box>
    </Paper>
  );
}

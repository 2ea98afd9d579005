import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { Severity } from '../../api/contract';

/** People confuse severity with PagerDuty urgency (Sentry #54921): say what each level does to the on-call person. */
export const severityMeanings: Record<Severity, { label: string; meaning: string }> = {
  info: { label: 'Info', meaning: 'low urgency, may not page anyone' },
  warning: { label: 'Warning', meaning: "urgency follows the service's settings; usually no page at night" },
  error: { label: 'Error', meaning: "pages per the service's escalation policy" },
  critical: { label: 'Critical', meaning: 'pages the on-call responder at once' },
};

const order: Severity[] = ['info', 'warning', 'error', 'critical'];

export function SeverityMeanings({ selected, id }: { selected: Severity; id?: string }) {
  return (
    <Box id={id}>
      <Typography variant="body2" component="p" sx={{ mb: 0.5 }}>
        <strong>{severityMeanings[selected].label}</strong>: {severityMeanings[selected].meaning}.
      </Typography>
      <Box
        component="ul"
        aria-label="What each severity does"
        sx={{ m: 0, pl: 2.5, typography: 'caption', color: 'text.secondary' }}
      >
        {order
          .filter((s) => s !== selected)
          .map((s) => (
            <li key={s}>
              {severityMeanings[s].label}: {severityMeanings[s].meaning}
            </li>
          ))}
      </Box>
    </Box>
  );
}

import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';

/** Where to find the key, and why connecting is safe: PagerDuty users ask both before pasting a key. */
export function PagerDutyHelp() {
  return (
    <Alert severity="info" role="note" aria-label="Where to find the Routing Key">
      <AlertTitle>Where to find the Routing Key</AlertTitle>
      <Box component="ol" sx={{ m: 0, pl: 2.5 }}>
        <li>In PagerDuty, open Services &gt; your service &gt; Integrations.</li>
        <li>Add or open the Events API v2 integration.</li>
        <li>Copy its Integration Key (also called Routing Key).</li>
      </Box>
      <Box component="p" sx={{ mb: 0 }}>
        When you press Create, Qualytics checks the key by sending PagerDuty a change event. A change event creates no
        incident and pages nobody.
      </Box>
    </Alert>
  );
}

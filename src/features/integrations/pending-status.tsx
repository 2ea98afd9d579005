import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';

/** What the server is doing while a create or update waits (e.g. the service checking a key), announced politely. */
export function PendingStatus({ message }: { message: string }) {
  return (
    <Box role="status">
      <LinearProgress aria-hidden sx={{ mb: 1 }} />
      <Typography variant="body2">{message}</Typography>
    </Box>
  );
}

import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'wouter';
import { triggerTypeLabels, type Flow } from '../../api/contract';

/** The flows with their trigger and how many PagerDuty actions each has. */
export function FlowsTable({ flows }: { flows: readonly Flow[] }) {
  if (flows.length === 0) {
    return <Typography color="text.secondary">No flows yet. Create one to send PagerDuty notifications.</Typography>;
  }
  return (
    <TableContainer>
      <Table aria-label="Flows">
        <TableHead>
          <TableRow>
            <TableCell>Name</TableCell>
            <TableCell>Trigger type</TableCell>
            <TableCell align="right">PagerDuty actions</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {flows.map((flow) => (
            <TableRow key={flow.id} hover>
              <TableCell component="th" scope="row">
                <Link component={RouterLink} to={`/flows/${flow.id}`}>
                  {flow.name}
                </Link>
              </TableCell>
              <TableCell>{triggerTypeLabels[flow.trigger_type]}</TableCell>
              <TableCell align="right">{flow.actions.length}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

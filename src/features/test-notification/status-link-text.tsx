import Link from '@mui/material/Link';
import { Fragment } from 'react';

const statusHost = 'status.pagerduty.com';

/** Advice text whose mention of PagerDuty's status page is a real link to it (opened in a new tab). */
export function StatusLinkText({ text }: { text: string }) {
  const parts = text.split(statusHost);
  return parts.map((part, index) => (
    <Fragment key={index}>
      {part}
      {index < parts.length - 1 && (
        <Link href={`https://${statusHost}`} target="_blank" rel="noopener noreferrer">
          {statusHost}
        </Link>
      )}
    </Fragment>
  ));
}

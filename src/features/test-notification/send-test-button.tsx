import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Send from '@mui/icons-material/Send';
import { useEffect, useRef } from 'react';
import type { TestNotificationRequest } from '../../api/contract';
import { TestResultCard, type TestOutcome } from './test-result-card';
import { useSendTest } from './use-send-test';

export interface SendTestProps {
  /** The request from the form as it is now, or null when the form is invalid (it then shows its errors). */
  prepare(): Promise<TestNotificationRequest | null>;
  onOutcome?(outcome: TestOutcome): void;
  disabled?: boolean;
  /** Offer **Test as Info** (default): the same test at Info, which does not page under dynamic notifications. */
  offerInfo?: boolean;
}

/** The same test at Info: PagerDuty's dynamic notifications treat it as low urgency, so nobody is woken. */
const asInfoTest = (body: TestNotificationRequest): TestNotificationRequest => ({
  ...body,
  parameters: { ...body.parameters, severity: 'info' },
});

/** **Send test** with its warning, progress and the result card that stays on screen. */
export function SendTest({ prepare, onOutcome, disabled, offerInfo = true }: SendTestProps) {
  const { send, pending, outcome } = useSendTest(onOutcome);
  // A second press while the form is still validating must not send twice.
  const preparing = useRef(false);

  const onClick = async (asInfo = false) => {
    if (pending || preparing.current) return;
    preparing.current = true;
    try {
      const body = await prepare();
      if (body) send(asInfo ? asInfoTest(body) : body);
    } finally {
      preparing.current = false;
    }
  };

  const resultRef = useRef<HTMLDivElement | null>(null);
  const buttonRef = useRef<HTMLButtonElement | null>(null);
  useEffect(() => {
    if (!outcome || pending) return;
    // Focus follows the press to its result (WCAG 2.4.3) unless the user has moved on to something else meanwhile;
    // the result may land below the fold of a side panel, so it is also brought into view.
    const active = document.activeElement;
    if (!active || active === document.body || active === buttonRef.current)
      resultRef.current?.focus({ preventScroll: true });
    resultRef.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [outcome, pending]);

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      <Alert severity="warning" variant="outlined">
        A test sends a real trigger event: PagerDuty opens an incident and may page whoever is on call (validating a key
        does not). A test at Error or Critical pages the on-call person now.
        {offerInfo && ' Test as Info sends it at low urgency instead, without changing the saved severity.'}
      </Alert>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        <Button
          variant="outlined"
          ref={buttonRef}
          onClick={() => void onClick(false)}
          // Not `disabled` while sending: a disabled button drops focus to the page (or a panel's top).
          disabled={disabled}
          aria-disabled={pending || undefined}
          aria-busy={pending}
          startIcon={pending ? <CircularProgress size={16} aria-hidden /> : <Send aria-hidden />}
        >
          {pending ? 'Sending test…' : 'Send test'}
        </Button>
        {offerInfo && (
          <Button variant="text" onClick={() => void onClick(true)} disabled={disabled || pending}>
            Test as Info
          </Button>
        )}
      </Box>
      <Box aria-live="polite">
        {outcome && !pending && (
          <Box
            role="region"
            aria-label="Test result"
            ref={resultRef}
            tabIndex={-1}
            sx={{ '&:focus': { outline: 'none' } }}
          >
            <TestResultCard outcome={outcome} />
          </Box>
        )}
      </Box>
    </Box>
  );
}

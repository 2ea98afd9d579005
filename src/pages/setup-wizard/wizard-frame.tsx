import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ReactNode, Ref } from 'react';
import { StepTrail } from './step-trail';
import { stepLabels, wizardSteps, type WizardStep } from './wizard-storage';

export interface WizardFrameProps {
  step: WizardStep;
  connected: boolean;
  headingRef?: Ref<HTMLHeadingElement>;
  children: ReactNode;
}

/** Title, stepper and the step's panel: shared by the Connect step alone and the full wizard. */
export function WizardFrame({ step, connected, headingRef, children }: WizardFrameProps) {
  const stepIndex = wizardSteps.indexOf(step);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 3 }}>
      <title>{`Set up PagerDuty: ${stepLabels[step]} · Qualytics Integrations`}</title>
      <Typography variant="h1">Set up PagerDuty</Typography>
      <StepTrail
        labels={wizardSteps.map((s) => stepLabels[s])}
        active={stepIndex}
        completed={(i) => i < stepIndex || step === 'done' || (wizardSteps[i] === 'connect' && connected)}
      />
      <Paper variant="outlined" sx={{ p: { xs: 2, md: 3 } }} component="section" aria-labelledby="wizard-step-title">
        {!(step === 'connect' && !connected) && (
          <Typography
            id="wizard-step-title"
            variant="h2"
            ref={headingRef}
            tabIndex={-1}
            sx={{ mb: 2, outline: 'none' }}
          >
            Step {stepIndex + 1} of {wizardSteps.length}: {stepLabels[step]}
          </Typography>
        )}
        {children}
      </Paper>
    </Box>
  );
}

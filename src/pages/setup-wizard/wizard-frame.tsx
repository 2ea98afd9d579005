import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import type { ReactNode, Ref } from 'react';
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
      <Stepper activeStep={stepIndex} alternativeLabel aria-label="Setup steps" component="ol" sx={{ pl: 0 }}>
        {wizardSteps.map((s, i) => (
          <Step key={s} completed={i < stepIndex || step === 'done' || (s === 'connect' && connected)} component="li">
            <StepLabel aria-current={i === stepIndex ? 'step' : undefined}>{stepLabels[s]}</StepLabel>
          </Step>
        ))}
      </Stepper>
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

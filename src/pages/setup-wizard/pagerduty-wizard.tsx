import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'wouter';
import { isApiError } from '../../api/api-error';
import type { Flow, Integration } from '../../api/contract';
import { useNotify } from '../../shared/notifier';
import { newFlowSchema, previewOf, toActionInput, toDraft, useActionEditor } from '../../features/flow-actions';
import type { ActionDependencies } from '../use-action-dependencies';
import { PageLoading } from '../../shared/page-loading';
import { ConnectStep } from './connect-step';
import { LeaveWizardPrompt } from './leave-wizard-prompt';
import { useSaveWizardAction } from './use-save-wizard-action';
import { WizardFrame } from './wizard-frame';
import {
  emptyDraft,
  loadDraft,
  parseStep,
  saveDraft,
  stepLabels,
  type WizardDraft,
  type WizardStep,
} from './wizard-storage';

const type = 'pagerduty';

// The later steps are their own chunks: the Connect step, where most visits start, downloads only itself.
const NotificationStep = lazy(async () => ({ default: (await import('./notification-step')).NotificationStep }));
const TestStep = lazy(async () => ({ default: (await import('./test-step')).TestStep }));
const DoneStep = lazy(async () => ({ default: (await import('./done-step')).DoneStep }));

function initialDraft(step: WizardStep): WizardDraft {
  const stored = loadDraft(type);
  // A finished setup is only shown again on its own Done page; opening the wizard anew starts over.
  if (!stored || (stored.saved && step !== 'done')) return emptyDraft;
  return stored;
}

/** Connect -> Notification -> Send test -> Done, the step in the URL and the non-secret values in sessionStorage. */
export interface PagerDutyWizardProps {
  deps: ActionDependencies;
  flows: readonly Flow[];
  /** Connected just before this wizard mounted (the list may not show it yet). */
  connected?: Integration;
  /** Focus the step heading on mount too: the wizard opens on a later step right after Connect. */
  focusOnMount?: boolean;
}

export function PagerDutyWizard({
  deps,
  flows,
  connected: connectedBefore,
  focusOnMount = false,
}: PagerDutyWizardProps) {
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = parseStep(searchParams.get('step'));
  const [initial] = useState(() => initialDraft(requested));
  const [draft, setDraft] = useState<WizardDraft>(initial);
  const [connected, setConnected] = useState<Integration | undefined>(connectedBefore);
  const [choiceErrors, setChoiceErrors] = useState<{ name?: string; flowId?: string }>({});
  const [confirming, setConfirming] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const { properties } = deps;
  const save = useSaveWizardAction();
  const notify = useNotify();
  const headingRef = useRef<HTMLHeadingElement>(null);

  const integration = deps.integration ?? connected;
  let step = requested;
  if (step !== 'connect' && !integration) step = 'connect';
  if (step === 'done' && !draft.saved) step = 'test';

  const choice = draft.flowChoice;
  const chosenFlowId = choice.mode === 'existing' ? choice.flowId : null;
  const chosenFlow = flows.find((f) => f.id === chosenFlowId);
  const triggerType = draft.flowChoice.mode === 'new' ? draft.flowChoice.trigger_type : chosenFlow?.trigger_type;
  const context = {
    triggerType: triggerType ?? 'anomaly',
    tokens: deps.tokensFor(triggerType ?? 'anomaly'),
    allTokens: deps.allTokens,
    flowName: draft.flowChoice.mode === 'new' ? draft.flowChoice.name : chosenFlow?.name,
    flowId: chosenFlow?.id,
  };
  const editor = useActionEditor({ properties, context, initial: initial.action });
  const { form, values, key, fingerprint } = editor;

  // Everything but the routing key survives a reload of this tab.
  const overrideTyped = key.last4 !== undefined;
  useEffect(() => {
    saveDraft(type, { ...draft, action: toDraft(values), overrideTyped });
  }, [draft, values, overrideTyped]);

  const firstRender = useRef(!focusOnMount);
  useEffect(() => {
    // Keyboard and screen reader users land on the new step's heading.
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);

  const goTo = (next: WizardStep) => setSearchParams({ step: next });

  const checkChoice = () => {
    const choice = draft.flowChoice;
    if (choice.mode === 'new') {
      const parsed = newFlowSchema.safeParse({ name: choice.name, trigger_type: choice.trigger_type });
      const nameIssue = parsed.success ? undefined : parsed.error.issues.find((i) => i.path[0] === 'name')?.message;
      setChoiceErrors(nameIssue ? { name: nameIssue } : {});
      return !nameIssue;
    }
    const ok = chosenFlow !== undefined;
    setChoiceErrors(ok ? {} : { flowId: 'Choose a flow' });
    return ok;
  };

  const nextFromNotification = async () => {
    const choiceOk = checkChoice();
    const formOk = await form.trigger(undefined, { shouldFocus: choiceOk });
    if (!choiceOk)
      document.getElementById(draft.flowChoice.mode === 'new' ? 'wizard-flow-name' : 'wizard-flow-existing')?.focus();
    if (!choiceOk || !formOk) return;
    if (!editor.limitsOk(form.getValues())) return;
    goTo('test');
  };

  const { lastTest } = draft;
  const untestedReason =
    lastTest === null
      ? 'never'
      : lastTest.outcome === 'failed'
        ? 'failed'
        : lastTest.fingerprint !== fingerprint
          ? 'changed'
          : null;

  const doSave = () => {
    setSaveError(null);
    // The test belongs to the action it was sent for: the server records it if the settings are still the same.
    const testDeliveryId = untestedReason === null ? lastTest?.deliveryId : undefined;
    const action = {
      ...toActionInput(properties, form.getValues()),
      ...(testDeliveryId ? { test_delivery_id: testDeliveryId } : {}),
    };
    save.mutate(
      { choice: draft.flowChoice, action },
      {
        onSuccess: (flow) => {
          setConfirming(false);
          setDraft((d) => ({
            ...d,
            saved: { flowId: flow.id, flowName: flow.name },
          }));
          notify({
            message:
              draft.flowChoice.mode === 'new'
                ? 'The Flow has been successfully created.'
                : 'The Flow has been successfully updated.',
            severity: 'success',
          });
          goTo('done');
        },
        onError: (error) => {
          setConfirming(false);
          const nameIssue = isApiError(error) ? error.fieldErrors.find((i) => i.loc[1] === 'name') : undefined;
          if (nameIssue) setChoiceErrors({ name: nameIssue.msg });
          // A new flow holds only this action; on an existing one the issues about actions are this one's.
          const rest = editor.applySaveError(error, draft.flowChoice.mode === 'new' ? 0 : undefined);
          const onFields =
            nameIssue !== undefined ||
            ['tokenized_message', ...properties.map((p) => p.field)].some((f) => form.getFieldState(f).error);
          setSaveError(rest);
          // Issues marked on fields are shown where the fields are.
          if (onFields) goTo('notification');
        },
      },
    );
  };

  const keyLabel =
    key.source === 'override'
      ? `This action's override${key.last4 ? ` (…${key.last4})` : ''}`
      : "The integration's key";

  return (
    <>
      <LeaveWizardPrompt when={step === 'notification' || step === 'test'} />
      <WizardFrame step={step} connected={Boolean(integration)} headingRef={headingRef}>
        {step === 'connect' && (
          <ConnectStep
            integration={integration}
            onConnected={(i) => {
              setConnected(i);
              goTo('notification');
            }}
            onNext={() => goTo('notification')}
          />
        )}
        <Suspense fallback={<PageLoading label={`Loading the ${stepLabels[step]} step`} />}>
          {step === 'notification' && (
            <NotificationStep
              choice={draft.flowChoice}
              onChoiceChange={(flowChoice) => setDraft((d) => ({ ...d, flowChoice }))}
              choiceErrors={choiceErrors}
              flows={flows}
              form={form}
              properties={properties}
              context={context}
              integrationConnected={Boolean(integration)}
              overrideLost={initial.overrideTyped && key.source === 'integration'}
              onBack={() => goTo('connect')}
              onNext={() => void nextFromNotification()}
            />
          )}
          {step === 'test' && (
            <TestStep
              flowName={context.flowName}
              prepare={editor.prepareTest}
              onOutcome={(outcome) =>
                setDraft((d) => ({
                  ...d,
                  lastTest:
                    outcome.kind === 'delivered'
                      ? { outcome: 'delivered', fingerprint, deliveryId: outcome.response.delivery_id }
                      : { outcome: 'failed', fingerprint },
                }))
              }
              untestedReason={untestedReason}
              confirming={confirming}
              setConfirming={setConfirming}
              saving={save.isPending}
              saveError={saveError}
              onSave={doSave}
              onBack={() => goTo('notification')}
            />
          )}
          {step === 'done' && draft.saved && (
            <DoneStep
              flowId={draft.saved.flowId}
              flowName={draft.saved.flowName}
              integrationId={integration?.id}
              message={typeof values.tokenized_message === 'string' ? values.tokenized_message : ''}
              severity={previewOf(properties, values, context).event.payload.severity}
              keyLabel={keyLabel}
              tested={lastTest?.outcome ?? null}
              testDeliveryId={lastTest?.deliveryId}
            />
          )}
        </Suspense>
      </WizardFrame>
    </>
  );
}

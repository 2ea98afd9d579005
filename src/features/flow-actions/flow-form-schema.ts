import { z } from '../../api/contract/zod';
import { createFlowRequestSchema } from '../../api/contract';

/** Name and trigger of a new flow, validated by the contract's own rules. */
export const newFlowSchema = z.pick(createFlowRequestSchema, { name: true, trigger_type: true });
export type NewFlowValues = z.input<typeof newFlowSchema>;

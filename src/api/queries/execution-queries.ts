import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../http-client';

export const executionQueries = {
  all: ['executions'] as const,
  /** The latest executions of a flow (one page: the flow page shows what just ran, the log keeps the rest). */
  forFlow: (flowId: number) =>
    queryOptions({
      queryKey: [...executionQueries.all, 'flow', flowId] as const,
      queryFn: ({ signal }) =>
        apiRequest('listFlowExecutions', { params: { id: flowId }, query: { limit: 10 }, signal }),
    }),
  detail: (id: number) =>
    queryOptions({
      queryKey: [...executionQueries.all, 'detail', id] as const,
      queryFn: ({ signal }) => apiRequest('getExecution', { params: { id }, signal }),
    }),
};

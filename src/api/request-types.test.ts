import { describe, expectTypeOf, it } from 'vitest';
import type { BodyOf, CreateFlowRequest, ParamsOf, UpdateIntegrationRequest } from './contract';
import { apiRequest } from './http-client';

/**
 * Requests are typed by endpoint name from the contract. The `@ts-expect-error` lines are checked by `tsc`
 * (typecheck), which fails if any of them compiles; they sit in a function nobody calls, so nothing is sent.
 */
export function wrongRequests() {
  // @ts-expect-error getFlow has a path parameter, so the options are required
  void apiRequest('getFlow');
  // @ts-expect-error the id is a number
  void apiRequest('getFlow', { params: { id: 'five' } });
  // @ts-expect-error getFlow's parameter is `id`
  void apiRequest('getFlow', { params: { flowId: 5 } });
  // @ts-expect-error listFlows takes no body
  void apiRequest('listFlows', { body: { name: 'x' } });
  // @ts-expect-error createFlow needs a body
  void apiRequest('createFlow', {});
  // @ts-expect-error not a trigger type
  void apiRequest('createFlow', { body: { name: 'x', trigger_type: 'whenever', actions: [] } });
  // @ts-expect-error createFlow's body is strict: no unknown keys
  void apiRequest('createFlow', { body: { name: 'x', trigger_type: 'anomaly', actions: [], x: 1 } });
  // @ts-expect-error updateIntegration needs its id as well as a body
  void apiRequest('updateIntegration', { body: {} });
}

describe('request types', () => {
  it('derive params and body from the endpoint table', () => {
    expectTypeOf<ParamsOf<'getFlow'>>().toEqualTypeOf<{ id: number }>();
    expectTypeOf<ParamsOf<'listFlows'>>().toEqualTypeOf<undefined>();
    expectTypeOf<BodyOf<'createFlow'>>().toEqualTypeOf<CreateFlowRequest>();
    expectTypeOf<BodyOf<'updateIntegration'>>().toEqualTypeOf<UpdateIntegrationRequest>();
    expectTypeOf<BodyOf<'getFlow'>>().toEqualTypeOf<undefined>();
  });

  it('accept the requests the contract allows', () => {
    expectTypeOf(apiRequest<'health'>).toBeCallableWith('health');
    expectTypeOf(apiRequest<'getFlow'>).toBeCallableWith('getFlow', { params: { id: 5 } });
    expectTypeOf(apiRequest<'updateIntegration'>).toBeCallableWith('updateIntegration', {
      params: { id: 5 },
      body: { api_access_token: 'new' },
      ifMatch: '2026-11-20T10:00:00Z',
    });
  });
});

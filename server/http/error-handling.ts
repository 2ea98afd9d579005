import type { FastifyError, FastifyInstance } from 'fastify';
import { HttpError } from './http-error';

const MALFORMED_JSON = {
  detail: [{ loc: ['body'], msg: 'The request body is not valid JSON', type: 'json_invalid' }],
};

/** Keys that would reach an object's prototype when a parsed body is copied by assignment. */
function refuseProtoKeys(key: string, value: unknown) {
  if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
    throw new HttpError(422, {
      detail: [{ loc: ['body', key], msg: `The key "${key}" is not allowed`, type: 'forbidden_key' }],
    });
  }
  return value;
}

/**
 * JSON bodies parsed here so that an empty body (a DELETE from a client that always sends a
 * Content-Type) is simply no body, and a parse error never echoes a fragment of the body.
 */
export function addJsonParser(app: FastifyInstance) {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text, refuseProtoKeys));
    } catch (error) {
      done(error instanceof HttpError ? error : new HttpError(422, MALFORMED_JSON), undefined);
    }
  });
}

const statusDetails: Record<number, string> = {
  400: 'Bad request',
  404: 'Not Found',
  405: 'Method not allowed',
  413: 'The request body is larger than the 1 MB allowed',
  415: 'Send the request body as application/json',
};

/** Every error is `{detail}` JSON; bad input is never a 500 and no message repeats what was sent. */
export function addErrorHandling(app: FastifyInstance, spa: (url: string) => boolean) {
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    if (error instanceof HttpError) {
      return reply.code(error.statusCode).headers(error.headers).send(error.body);
    }
    const status = error.statusCode ?? 500;
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (status === 400 && error instanceof SyntaxError)) {
      return reply.code(422).send(MALFORMED_JSON);
    }
    if (status >= 400 && status < 500) {
      return reply.code(status).send({ detail: statusDetails[status] ?? 'Bad request' });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send({ detail: 'Internal server error' });
  });

  app.setNotFoundHandler((request, reply) => {
    if ((request.method === 'GET' || request.method === 'HEAD') && spa(request.url)) {
      // Deep links such as /integrations/5 load the SPA, which routes on the client.
      return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
    }
    return reply.code(404).send({ detail: 'Not Found' });
  });
}

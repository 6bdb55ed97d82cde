import { describe, expect, it } from 'vitest';
import { expressCorsOptions } from '../../../src/core/fixes/express-cors-options';
import { credentialedPut, jsonPut, simpleGet } from './fixtures';

describe('expressCorsOptions: the cors() options, minimal', () => {
  it.each([
    ['simple GET', simpleGet, { origin: 'http://localhost:5173', methods: ['GET'], maxAge: 600 }],
    [
      'JSON PUT',
      jsonPut,
      { origin: 'http://localhost:5173', methods: ['PUT'], allowedHeaders: ['content-type'], maxAge: 600 },
    ],
    [
      'credentialed PUT',
      credentialedPut,
      {
        origin: 'https://app.example.com',
        methods: ['PUT'],
        allowedHeaders: ['content-type', 'x-api-key'],
        exposedHeaders: ['x-total-count'],
        credentials: true,
        maxAge: 300,
      },
    ],
    [
      'duplicates and case folded, methods normalized',
      { ...jsonPut, methods: ['put', 'PUT', 'patch'], requestHeaders: ['X-Api-Key', 'x-api-key'] },
      {
        origin: 'http://localhost:5173',
        methods: ['PUT', 'patch'],
        allowedHeaders: ['x-api-key'],
        maxAge: 600,
      },
    ],
  ])('%s', (_, input, expected) => {
    expect(expressCorsOptions(input)).toEqual(expected);
  });
});

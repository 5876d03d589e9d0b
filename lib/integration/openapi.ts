// Builds the OpenAPI 3.1 document of API v1 from the route table and its zod schemas (JSON Schema 2020-12, the
// dialect OpenAPI 3.1 uses), including the outbound webhooks. Pure: served by /api/v1/openapi.json and /api/v1/docs.
import { z } from 'zod';
import { API_ROUTES, type ApiRoute } from './routes';
import {
  auditCheckpointWebhookSchema,
  correctionOrderWebhookSchema,
  errorSchema,
  interimReliefOrderWebhookSchema,
  statusChangedWebhookSchema,
} from './schemas';
import { SIGNATURE_WINDOW_MS } from './signature';

type JsonObject = { [key: string]: unknown };

export interface OpenApiDocument extends JsonObject {
  openapi: string;
  info: { title: string; version: string; description: string };
  paths: Record<string, Record<string, JsonObject>>;
  webhooks: Record<string, Record<string, JsonObject>>;
  components: { schemas: Record<string, JsonObject>; securitySchemes: Record<string, JsonObject> };
}

export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output' = 'input'): JsonObject {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonObject;
  // The document declares the dialect once (jsonSchemaDialect).
  delete json.$schema;
  return json;
}

const WINDOW_MINUTES = SIGNATURE_WINDOW_MS / 60_000;

const DESCRIPTION = `API for provincial health-code systems (SPEC §9). Each province's system has its own API key and
can only read and write its own province's data: anything else is answered "not found".

## Signing a request
Every request to a signed operation carries three headers:

- \`X-Key-Id\`: the public key id (e.g. \`hk34_1f0c9a7e2b5d4c83a6e0\`).
- \`X-Timestamp\`: Unix time in whole seconds.
- \`X-Signature\`: lower-case hex HMAC-SHA256, keyed with the key's secret (the string exactly as issued), of

\`\`\`
<X-Timestamp>\\n<METHOD>\\n<path and query>\\n<hex SHA-256 of the raw request body>
\`\`\`

for example \`1795768200\\nPOST\\n/api/v1/code-assignments\\n<sha256 of the JSON bytes sent>\`; an empty body hashes to
\`e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\`.

Requests whose timestamp is more than ${WINDOW_MINUTES} minutes from the server's clock are refused (401
TIMESTAMP_OUT_OF_WINDOW), and so is a signature the server has already accepted (401 REPLAYED): to retry, sign again
with a new timestamp. Each key has a rate limit per minute (429 RATE_LIMITED with Retry-After).

## Webhooks
Correction orders and case status changes are POSTed to the province's configured webhook URL with \`X-Event-Id\`,
\`X-Event-Type\`, \`X-Timestamp\` and \`X-Signature\` (same scheme, keyed with the province's webhook secret, over the
path of the webhook URL). Delivery is at least once: answer 2xx once the event is stored, and de-duplicate on
\`X-Event-Id\`. Anything else is retried with exponential back-off until it succeeds.

## Errors
Every error answers \`{"error": {"code", "message", "details"?}}\` with a 4xx status.`;

const SIGNED_SECURITY = [{ KeyId: [], Timestamp: [], Signature: [] }];

function errorResponse(description: string): JsonObject {
  return { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
}

function errorResponsesFor(route: ApiRoute): Record<string, JsonObject> {
  if (!route.signed) return {};
  return {
    ...(route.body ? { 400: errorResponse('The body is not valid JSON (INVALID_JSON).') } : {}),
    401: errorResponse('Missing, invalid, stale or replayed signature.'),
    404: errorResponse('No such resource for this key’s province.'),
    ...(route.body
      ? {
          409: errorResponse('The request conflicts with the current state.'),
          413: errorResponse('The body is larger than 256 kB.'),
        }
      : {}),
    422: errorResponse('The request does not match the schema (VALIDATION_FAILED, with details).'),
    429: errorResponse('Rate limit of the key exceeded (RATE_LIMITED); see Retry-After.'),
  };
}

function operationOf(route: ApiRoute): JsonObject {
  const parameters = route.params
    ? Object.entries(route.params.shape).map(([name, schema]) => ({
        name,
        in: 'path',
        required: true,
        ...(schema.description ? { description: schema.description } : {}),
        schema: jsonSchemaOf(schema as z.ZodType),
      }))
    : [];
  const responses: Record<string, JsonObject> = {};
  for (const [status, response] of Object.entries(route.responses)) {
    responses[status] = {
      description: response.description,
      content: {
        [response.contentType ?? 'application/json']: response.schema
          ? { schema: jsonSchemaOf(response.schema, 'output') }
          : {},
      },
    };
  }
  return {
    operationId: route.operationId,
    summary: route.summary,
    description: route.description,
    security: route.signed ? SIGNED_SECURITY : [],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchemaOf(route.body) } } } }
      : {}),
    responses: { ...responses, ...errorResponsesFor(route) },
  };
}

function webhookOperation(summary: string, schema: z.ZodType): Record<string, JsonObject> {
  const header = (name: string, description: string) => ({
    name,
    in: 'header',
    required: true,
    description,
    schema: { type: 'string' },
  });
  return {
    post: {
      summary,
      parameters: [
        header('X-Event-Id', 'The event id: de-duplicate on it.'),
        header('X-Event-Type', 'CORRECTION_ORDER, STATUS_CHANGED or AUDIT_CHECKPOINT.'),
        header('X-Timestamp', 'Unix time in whole seconds.'),
        header('X-Signature', 'Hex HMAC-SHA256 with the webhook secret (see the signing section).'),
      ],
      requestBody: { required: true, content: { 'application/json': { schema: jsonSchemaOf(schema, 'output') } } },
      responses: {
        200: { description: 'Any 2xx: stored (redeliveries of the same X-Event-Id must be accepted too).' },
      },
    },
  };
}

let cached: OpenApiDocument | undefined;

export function buildOpenApiDocument(): OpenApiDocument {
  if (cached) return cached;
  const paths: OpenApiDocument['paths'] = {};
  for (const route of Object.values(API_ROUTES) as ApiRoute[]) {
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operationOf(route) };
  }
  const headerKey = (name: string, description: string) => ({ type: 'apiKey', in: 'header', name, description });
  cached = {
    openapi: '3.1.0',
    info: { title: '健康码申诉与救济系统 — provincial integration API', version: '1.0.0', description: DESCRIPTION },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: '/' }],
    paths,
    webhooks: {
      correctionOrder: webhookOperation(
        'A correction order for the province system to carry out',
        correctionOrderWebhookSchema,
      ),
      interimReliefOrder: webhookOperation(
        'Interim relief: a temporary correction until the decision (GRANT, with its expiry), its revert (REVERT) or ' +
          'its end without a revert (MAKE_PERMANENT)',
        interimReliefOrderWebhookSchema,
      ),
      statusChanged: webhookOperation('A case about a code of this province changed state', statusChangedWebhookSchema),
      auditCheckpoint: webhookOperation(
        "A signed checkpoint of this province's audit chain or the national one: keep it (docs/audit.md)",
        auditCheckpointWebhookSchema,
      ),
    },
    components: {
      schemas: { Error: jsonSchemaOf(errorSchema, 'output') },
      securitySchemes: {
        KeyId: headerKey('X-Key-Id', 'Public id of the API key.'),
        Timestamp: headerKey('X-Timestamp', 'Unix time in whole seconds; within 5 minutes of the server clock.'),
        Signature: headerKey('X-Signature', 'Hex HMAC-SHA256 of the signing string (see the description).'),
      },
    },
  };
  return cached;
}

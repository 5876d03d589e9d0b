// GET /api/v1/openapi.json — the OpenAPI 3.1 document of API v1, generated from the route table's zod schemas.
import { buildOpenApiDocument } from '@/lib/integration/openapi';

export function GET(): Response {
  return Response.json(buildOpenApiDocument(), { headers: { 'Cache-Control': 'public, max-age=300' } });
}

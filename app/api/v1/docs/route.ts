// GET /api/v1/docs — the OpenAPI document rendered as a plain HTML page for people.
import { renderDocsHtml } from '@/lib/integration/docs-html';
import { buildOpenApiDocument } from '@/lib/integration/openapi';

export function GET(): Response {
  return new Response(renderDocsHtml(buildOpenApiDocument()), {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'public, max-age=300',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    },
  });
}

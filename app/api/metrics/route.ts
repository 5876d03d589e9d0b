// Prometheus metrics (SPEC §18): for the monitoring system with `Authorization: Bearer <METRICS_TOKEN>`, or for a
// signed-in administrator; everyone else gets 404, as if there were nothing here.
import { getCurrentUser } from '@/lib/auth/session';
import { bearerTokenMatches, measureRequest, renderMetrics } from '@/lib/ops/metrics';

export const dynamic = 'force-dynamic';

export function GET(request: Request): Promise<Response> {
  return measureRequest('/api/metrics', 'GET', async () => {
    const allowed =
      bearerTokenMatches(request.headers.get('authorization')) || (await getCurrentUser())?.role === 'ADMIN';
    if (!allowed) return new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } });
    const { contentType, body } = await renderMetrics();
    return new Response(body, { headers: { 'Content-Type': contentType, 'Cache-Control': 'no-store' } });
  });
}

// Readiness (SPEC §18): 200 when the database answers, migrations are current, the sweep ran recently and the calendar
// covers the next 60 days; 503 with the failing checks otherwise (lib/ops/readiness.ts).
import { measureRequest } from '@/lib/ops/metrics';
import { checkReadiness } from '@/lib/ops/readiness';

export const dynamic = 'force-dynamic';

export function GET(): Promise<Response> {
  return measureRequest('/api/ready', 'GET', async () => {
    const readiness = await checkReadiness();
    return Response.json(
      { status: readiness.ready ? 'ready' : 'not ready', checks: readiness.checks },
      { status: readiness.ready ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
    );
  });
}

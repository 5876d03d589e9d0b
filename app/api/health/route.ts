// Liveness (SPEC §18): the process answers. Nothing else is checked (a database outage must not restart web instances).
export const dynamic = 'force-dynamic';

export function GET(): Response {
  return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
}

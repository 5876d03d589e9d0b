// The reviewer queue as JSON (same parameters as /review): one keyset page, for scripts and the benchmark.
import { getCurrentUser } from '@/lib/auth/session';
import { findQueuePage, parseQueueParams } from '@/lib/cases/views/queue';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user || user.role !== 'REVIEWER') return Response.json({ error: { code: 'NOT_FOUND' } }, { status: 404 });
  const page = await findQueuePage(user, parseQueueParams(Object.fromEntries(new URL(request.url).searchParams)));
  return Response.json(
    { rows: page.rows, nextCursor: page.nextCursor, previousCursor: page.previousCursor },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}

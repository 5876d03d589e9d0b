// The reviewer queue as JSON (same parameters as /review): one keyset page, for scripts and the benchmark.
import { defineAction, routeAnswer } from '@/lib/auth/action';
import { findQueuePage, queueQuerySchema } from '@/lib/cases/views/queue';

export const dynamic = 'force-dynamic';

const queuePage = defineAction({
  schema: queueQuerySchema,
  roles: ['REVIEWER'],
  handler: (query, { user }) => findQueuePage(user, query),
});

export async function GET(request: Request): Promise<Response> {
  const result = await queuePage(Object.fromEntries(new URL(request.url).searchParams));
  return routeAnswer(result, (page) =>
    Response.json(
      { rows: page.rows, nextCursor: page.nextCursor, previousCursor: page.previousCursor },
      { headers: { 'Cache-Control': 'no-store' } },
    ),
  );
}

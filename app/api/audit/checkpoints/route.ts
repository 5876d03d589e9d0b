// GET /api/audit/checkpoints — public: the Ed25519 public key and every audit chain's latest signed checkpoint;
// ?chain=34 gives that chain's whole checkpoint log (docs/audit.md).
import { listPublishedCheckpoints } from '@/lib/audit/published-checkpoints';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  const chain = new URL(request.url).searchParams.get('chain') ?? undefined;
  return Response.json(await listPublishedCheckpoints(chain), { headers: { 'Cache-Control': 'public, max-age=60' } });
}

// GET /api/audit/receipt?chain=34&seq=12&hash=… — public: checks a receipt against the published checkpoints and the
// hash the service holds at that position (docs/audit.md). Answers { valid, reason?, checkpoint?, currentHash }.
import { checkPublishedReceipt, currentEventHash, isReceipt } from '@/lib/audit/published-checkpoints';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  if (!isReceipt(query)) {
    return Response.json(
      {
        error: {
          code: 'INVALID_RECEIPT',
          message: 'chain, seq (a positive integer) and hash (64 hex digits) are required',
        },
      },
      { status: 400 },
    );
  }
  const receipt = { chain: query.chain, seq: query.seq, hash: query.hash };
  const [check, currentHash] = await Promise.all([
    checkPublishedReceipt(receipt),
    currentEventHash(receipt.chain, receipt.seq),
  ]);
  return Response.json({ ...check, currentHash }, { headers: { 'Cache-Control': 'no-store' } });
}

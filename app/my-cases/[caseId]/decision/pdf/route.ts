// The decision letter as a PDF (SPEC §5): the same blocks as the printable page, with its audit receipt. Only the
// case's citizen; anyone else, or a case without a decision, gets 404.
import { z } from 'zod';
import { defineAction } from '@/lib/auth/action';
import { getDecisionLetterPdf } from '@/lib/cases/views/decision-letter-pdf';

const downloadLetter = defineAction({
  schema: z.strictObject({ caseId: z.string() }),
  roles: ['CITIZEN'],
  handler: ({ caseId }, { user }) => getDecisionLetterPdf(user, caseId),
});

export async function GET(_request: Request, { params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const result = await downloadLetter({ caseId });
  if (!result.ok || !result.data) {
    const status = result.ok || result.status === 404 ? 404 : result.status;
    return new Response(status === 404 ? 'Not found' : 'Error', {
      status,
      headers: { 'Cache-Control': 'no-store', 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  return new Response(new Uint8Array(result.data.bytes), {
    status: 200,
    headers: {
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Content-Type': 'application/pdf',
      'Content-Length': String(result.data.bytes.length),
      'Content-Disposition': `attachment; filename="decision-${result.data.reference}.pdf"`,
    },
  });
}

// Evidence download (SPEC §10): only for the case's citizen and staff whose scope covers the case, always as an
// attachment that is never cached or sniffed; everyone else gets the same 404 as for a file that does not exist.
import { z } from 'zod';
import { defineAction } from '@/lib/auth/action';
import { attachmentDisposition, readEvidenceFor } from '@/lib/evidence/read-evidence';

const readEvidence = defineAction({
  schema: z.strictObject({ evidenceId: z.string() }),
  roles: ['CITIZEN', 'REVIEWER', 'SUPERVISOR'],
  handler: ({ evidenceId }, { user }) => readEvidenceFor(user, evidenceId),
});

const PRIVATE_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; sandbox",
};

export async function GET(_request: Request, { params }: { params: Promise<{ evidenceId: string }> }) {
  const { evidenceId } = await params;
  const result = await readEvidence({ evidenceId });
  if (!result.ok) {
    const status = result.status === 404 ? 404 : 500;
    return new Response(status === 404 ? 'Not found' : 'Error', {
      status,
      headers: { ...PRIVATE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  const file = result.data;
  return new Response(file.body, {
    status: 200,
    headers: {
      ...PRIVATE_HEADERS,
      'Content-Type': file.mimeType,
      'Content-Length': String(file.sizeBytes),
      'Content-Disposition': attachmentDisposition(file.fileName, file.mimeType, 'evidence'),
    },
  });
}

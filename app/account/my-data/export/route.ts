// The machine-readable copy of a citizen's personal data and cases (SPEC §17), as a JSON attachment, never cached.
// Anyone but a signed-in citizen gets 404.
import { z } from 'zod';
import { defineAction } from '@/lib/auth/action';
import { exportPersonalData } from '@/lib/privacy/export-personal-data';

const exportCopy = defineAction({
  schema: z.strictObject({}),
  roles: ['CITIZEN'],
  handler: (_input, { user }) => exportPersonalData(user),
});

export async function GET() {
  const result = await exportCopy({});
  if (!result.ok) {
    return new Response(result.status === 404 ? 'Not found' : 'Error', {
      status: result.status === 404 ? 404 : 500,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  }
  const day = result.data.generatedAt.slice(0, 10);
  return new Response(JSON.stringify(result.data, null, 2), {
    status: 200,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Content-Disposition': `attachment; filename="personal-data-${day}.json"`,
    },
  });
}

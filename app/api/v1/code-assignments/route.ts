// POST /api/v1/code-assignments — a province system pushes a code assignment (signed; idempotent by recordId).
import { handleApiRequest } from '@/lib/integration/api-handler';
import { recordCodeAssignment } from '@/lib/integration/record-code-assignment';
import { API_ROUTES } from '@/lib/integration/routes';

export function POST(request: Request): Promise<Response> {
  return handleApiRequest(request, API_ROUTES.recordCodeAssignment, undefined, async ({ client, body }) => {
    const recorded = await recordCodeAssignment(client, body);
    return { status: recorded.status === 'created' ? 201 : 200, body: recorded };
  });
}

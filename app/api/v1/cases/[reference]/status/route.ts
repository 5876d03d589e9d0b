// GET /api/v1/cases/{reference}/status — state, decision and correction of a case of the key's province (signed).
import { handleApiRequest } from '@/lib/integration/api-handler';
import { getCaseStatus } from '@/lib/integration/get-case-status';
import { API_ROUTES } from '@/lib/integration/routes';

export async function GET(request: Request, context: { params: Promise<{ reference: string }> }): Promise<Response> {
  return handleApiRequest(request, API_ROUTES.getCaseStatus, await context.params, async ({ client, params }) => ({
    status: 200,
    body: await getCaseStatus(client, params.reference),
  }));
}

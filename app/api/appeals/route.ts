// Filing as JSON for a signed-in citizen (an appeal without evidence files; the wizard posts files through its
// server action). The same filing schema and use case as the wizard.
import { getCurrentUser } from '@/lib/auth/session';
import { isDomainError, ValidationError } from '@/lib/cases/errors';
import { submitAppeal } from '@/lib/cases/submit-appeal';
import { refuseUnlessSameOriginJson } from '@/lib/security/same-origin-json';

export async function POST(request: Request): Promise<Response> {
  const refused = refuseUnlessSameOriginJson(request);
  if (refused) return refused;
  const user = await getCurrentUser();
  if (!user || user.role !== 'CITIZEN') return Response.json({ error: { code: 'NOT_FOUND' } }, { status: 404 });
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return Response.json({ error: { code: 'INVALID_JSON', messageKey: 'errors.validation' } }, { status: 400 });
  }
  try {
    const { case: filed, created } = await submitAppeal(user, body);
    return Response.json(
      { reference: filed.reference, caseId: filed.id, state: filed.state, dueAt: filed.dueAt.toISOString() },
      { status: created ? 201 : 200 },
    );
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return Response.json(
      {
        error: {
          code: error.code,
          messageKey: error.messageKey,
          fieldErrors: error instanceof ValidationError ? error.fieldErrors : undefined,
        },
      },
      { status: error.status },
    );
  }
}

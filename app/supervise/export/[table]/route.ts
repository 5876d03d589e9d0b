// POST /supervise/export/[table]: the table's CSV in the supervisor's scope, as a download. POST because each export
// writes an EXPORT_CREATED audit event (in the same transaction as the read); a cross-site form is refused.
import { getLocale, getTranslations } from 'next-intl/server';
import { defineAction } from '@/lib/auth/action';
import { exportSupervisionTable } from '@/lib/supervision/export';
import { exportRequestSchema } from '@/lib/supervision/schemas';
import { supervisorScopeOf } from '@/lib/supervision/scope';

const FILTER_FIELDS = ['from', 'to', 'type', 'province', 'action', 'reference', 'chain'] as const;

const exportTable = defineAction({
  schema: exportRequestSchema,
  roles: ['SUPERVISOR'],
  async handler(input, { user }) {
    const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
    return exportSupervisionTable(supervisorScopeOf(user), input, t, new Date(), locale);
  },
});

function sameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return true;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export async function POST(request: Request, { params }: { params: Promise<{ table: string }> }): Promise<Response> {
  if (!sameOrigin(request)) return new Response('Forbidden', { status: 403 });
  const form = await request.formData().catch(() => new FormData());
  const input: Record<string, string> = { table: (await params).table };
  for (const field of FILTER_FIELDS) {
    const value = form.get(field);
    if (typeof value === 'string' && value !== '') input[field] = value;
  }
  const result = await exportTable(input);
  if (!result.ok) {
    const t = await getTranslations();
    const message =
      result.status === 404
        ? t('errors.notFound')
        : result.status === 422
          ? t('errors.validation')
          : t('supervise.export.failed');
    return new Response(message, {
      status: result.status,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  }
  const { filename, csv } = result.data;
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

// The filing wizard's page: the choices it offers (provinces, the reason catalogue in force, the privacy notice
// version), the citizen's own number as the default contact, and one idempotency key for this wizard (a draft kept in
// the tab after a reload keeps its own). The wizard keeps the draft in the browser under the signed-in user's id.
import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { fileAppealAction, listIssuingUnitsAction } from '@/app/my-cases/new/actions';
import { FilingWizard } from '@/components/citizen/filing-wizard';
import { requireUser } from '@/lib/auth/scope';
import { getCitizenMobile, getFilingChoices } from '@/lib/cases/views/citizen-queries';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('citizenFiling');
  return { title: t('title') };
}

export default async function NewAppealPage() {
  const user = await requireUser(['CITIZEN'], '/my-cases/new');
  const [choices, mobile, locale] = await Promise.all([getFilingChoices(), getCitizenMobile(user), getLocale()]);
  return (
    <FilingWizard
      choices={choices}
      defaultMobile={mobile ?? ''}
      idempotencyKey={randomUUID()}
      locale={locale}
      draftOwner={user.id}
      fileAppealAction={fileAppealAction}
      listIssuingUnitsAction={listIssuingUnitsAction}
    />
  );
}

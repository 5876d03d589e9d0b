// The reasons of one catalogue version: code, names, the highest colour allowed and how the reason may be used.
import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/ui/data-table';
import type { CatalogueReasonRow } from '@/lib/admin/list-catalogue-versions';

export async function ReasonTable({ reasons, caption }: { reasons: CatalogueReasonRow[]; caption: string }) {
  const t = await getTranslations('admin.catalogue');
  return (
    <DataTable
      caption={caption}
      testId="reason-table"
      columns={[
        { id: 'code', header: t('code'), className: 'font-mono text-sm' },
        { id: 'nameZh', header: t('nameZh') },
        { id: 'nameEn', header: t('nameEn') },
        { id: 'maxColour', header: t('maxColour') },
        { id: 'validity', header: t('validity') },
      ]}
      rows={reasons.map((reason) => ({
        id: reason.code,
        cells: {
          code: reason.code,
          nameZh: <span lang="zh-CN">{reason.nameZh}</span>,
          nameEn: <span lang="en">{reason.nameEn}</span>,
          maxColour: reason.maxColour ? t(`colours.${reason.maxColour}`) : t('noColour'),
          validity: t(`validities.${reason.validity}`),
        },
      }))}
    />
  );
}

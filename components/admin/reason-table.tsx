// The reasons of one catalogue version: code, names, the highest colour allowed and how the reason may be used.
import { getTranslations } from 'next-intl/server';
import { TableScroll } from '@/components/admin/table-scroll';
import type { CatalogueReasonRow } from '@/lib/admin/list-catalogue-versions';

export async function ReasonTable({ reasons, caption }: { reasons: CatalogueReasonRow[]; caption: string }) {
  const t = await getTranslations('admin.catalogue');
  return (
    <TableScroll label={caption}>
      <table className="w-full border-collapse text-left" data-testid="reason-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            <th scope="col" className="py-2 pr-3">
              {t('code')}
            </th>
            <th scope="col" className="py-2 pr-3">
              {t('nameZh')}
            </th>
            <th scope="col" className="py-2 pr-3">
              {t('nameEn')}
            </th>
            <th scope="col" className="py-2 pr-3">
              {t('maxColour')}
            </th>
            <th scope="col" className="py-2">
              {t('validity')}
            </th>
          </tr>
        </thead>
        <tbody>
          {reasons.map((reason) => (
            <tr key={reason.code} className="border-b border-rule">
              <th scope="row" className="py-2 pr-3 font-mono text-sm font-normal">
                {reason.code}
              </th>
              <td className="py-2 pr-3" lang="zh-CN">
                {reason.nameZh}
              </td>
              <td className="py-2 pr-3" lang="en">
                {reason.nameEn}
              </td>
              <td className="py-2 pr-3">{reason.maxColour ? t(`colours.${reason.maxColour}`) : t('noColour')}</td>
              <td className="py-2">{t(`validities.${reason.validity}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

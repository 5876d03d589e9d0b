// The queue's filters as a plain GET form: applying them writes them into the URL (shareable, back button works) and
// the server does the filtering; it works without JavaScript and from the keyboard.
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { AppealGround, CodeColour } from '@/lib/db/generated/enums';
import type { DeadlineFilter, IssuingUnitOption, QueueTab } from '@/lib/cases/views/queue';
import type { CaseState } from '@/lib/db/generated/enums';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { queueHref, type QueueParams } from './queue-href';

export function QueueFilters({
  tab,
  params,
  units,
  deadlineFilters,
  mineStates,
}: {
  tab: QueueTab;
  params: QueueParams;
  units: IssuingUnitOption[];
  /** The deadline filters and the states of "my" cases, from the queue's rules (handed down by the page). */
  deadlineFilters: readonly DeadlineFilter[];
  mineStates: readonly CaseState[];
}) {
  const t = useTranslations('reviewQueue.filters');
  const tTerms = useTranslations('reviewTerms');
  const tStates = useTranslations('states');
  const deadlines = deadlineFilters.filter((filter) => tab === 'mine' || filter !== 'paused');
  const active = ['state', 'deadline', 'overreach', 'colour', 'grounds', 'unit'].filter((name) => params[name]).length;
  return (
    <form
      method="get"
      action="/review"
      aria-labelledby="queue-filters-heading"
      className="mb-6 bg-panel p-4"
      data-testid="queue-filters"
    >
      <h2 id="queue-filters-heading" className="mb-3 text-xl font-bold">
        {t('heading')}
      </h2>
      <input type="hidden" name="tab" value={tab} />
      {params.sort ? <input type="hidden" name="sort" value={params.sort} /> : null}
      {params.dir ? <input type="hidden" name="dir" value={params.dir} /> : null}
      {params.size ? <input type="hidden" name="size" value={params.size} /> : null}
      <TextField
        id="filter-ref"
        name="ref"
        label={t('reference')}
        hint={t('referenceHint')}
        defaultValue={params.ref ?? ''}
        autoComplete="off"
        spellCheck={false}
        className="max-w-md"
      />
      {/* Closed unless a filter is on, so on a phone the queue is not pushed below a screen of selects. */}
      <details open={active > 0} className="mb-4" data-testid="more-filters">
        <summary className="mb-3 cursor-pointer font-semibold">{t('more', { count: active })}</summary>
        <div className="grid grid-cols-1 gap-x-4 sm:grid-cols-2 lg:grid-cols-3">
          {tab === 'mine' ? (
            <SelectField id="filter-state" name="state" label={t('state')} defaultValue={params.state ?? ''}>
              <option value="">{t('any')}</option>
              {mineStates.map((state) => (
                <option key={state} value={state}>
                  {tStates(state)}
                </option>
              ))}
            </SelectField>
          ) : null}
          <SelectField id="filter-deadline" name="deadline" label={t('deadline')} defaultValue={params.deadline ?? ''}>
            <option value="">{t('any')}</option>
            {deadlines.map((filter) => (
              <option key={filter} value={filter}>
                {t(`deadlines.${filter}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="filter-overreach"
            name="overreach"
            label={t('overreach')}
            defaultValue={params.overreach ?? ''}
          >
            <option value="">{t('any')}</option>
            <option value="yes">{t('overreachYes')}</option>
            <option value="no">{t('overreachNo')}</option>
          </SelectField>
          <SelectField id="filter-colour" name="colour" label={t('colour')} defaultValue={params.colour ?? ''}>
            <option value="">{t('any')}</option>
            {Object.values(CodeColour).map((colour) => (
              <option key={colour} value={colour}>
                {tTerms(`colours.${colour}`)}
              </option>
            ))}
          </SelectField>
          <SelectField id="filter-grounds" name="grounds" label={t('grounds')} defaultValue={params.grounds ?? ''}>
            <option value="">{t('any')}</option>
            {Object.values(AppealGround).map((ground) => (
              <option key={ground} value={ground}>
                {tTerms(`grounds.${ground}`)}
              </option>
            ))}
          </SelectField>
          <SelectField id="filter-unit" name="unit" label={t('unit')} defaultValue={params.unit ?? ''}>
            <option value="">{t('any')}</option>
            {units.map((unit) => (
              <option key={unit.code} value={unit.code}>
                {/* One text node (not three with markers between them): Henan has ~180 units. */}
                {`${unit.name}（${unit.code}）`}
              </option>
            ))}
          </SelectField>
        </div>
      </details>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className="button">
          {t('apply')}
        </button>
        <Link href={queueHref({ tab })}>{t('clear')}</Link>
      </div>
    </form>
  );
}

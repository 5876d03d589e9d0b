// Small labels used in the queue and on the case screen: the disputed code's colour and the prima facie overreach flag.
import { useTranslations } from 'next-intl';
import type { CodeColour } from '@/lib/db/generated/enums';

const COLOUR_STYLES: Record<CodeColour, string> = {
  RED: 'bg-danger text-white',
  YELLOW: 'bg-focus text-ink',
  GREEN: 'bg-action text-white',
};

export function ColourBadge({ colour }: { colour: CodeColour }) {
  const t = useTranslations('reviewTerms.colours');
  return <span className={`badge ${COLOUR_STYLES[colour]}`}>{t(colour)}</span>;
}

export function OverreachBadge() {
  const t = useTranslations('reviewTerms');
  return (
    <span className="badge border-2 border-danger text-danger" data-testid="overreach-badge">
      {t('overreach')}
    </span>
  );
}

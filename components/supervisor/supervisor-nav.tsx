'use client';
// The supervision sections (board, second-level review, mass incidents, analytics, audit), marking the one being shown.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';

const SECTIONS = [
  { href: '/supervise', key: 'board' },
  { href: '/supervise/second-review', key: 'secondReview' },
  { href: '/supervise/incidents', key: 'incidents' },
  { href: '/supervise/analytics', key: 'analytics' },
  { href: '/supervise/audit', key: 'audit' },
  { href: '/supervise/data-requests', key: 'dataRequests' },
  { href: '/supervise/interim-relief', key: 'interimRelief' },
] as const;

function isCurrent(pathname: string, href: string): boolean {
  if (href === '/supervise') return pathname === href || pathname.startsWith('/supervise/cases/');
  return pathname === href || pathname.startsWith(`${href}/`);
}

export function SupervisorNav() {
  const t = useTranslations('supervise.nav');
  const pathname = usePathname();
  return (
    <nav aria-label={t('label')} className="mb-6 border-b-2 border-ink">
      <ul className="m-0 flex list-none flex-wrap gap-x-1 p-0">
        {SECTIONS.map((section) => {
          const current = isCurrent(pathname, section.href);
          return (
            <li key={section.href}>
              <Link
                href={section.href}
                aria-current={current ? 'page' : undefined}
                className={`inline-block px-3 py-2 font-semibold ${current ? 'bg-ink text-white no-underline' : ''}`}
              >
                {t(section.key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

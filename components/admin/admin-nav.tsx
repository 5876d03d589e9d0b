'use client';
// The administration sections; the current one is marked for screen readers (aria-current) and visibly.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';

const SECTIONS = [
  { href: '/admin', key: 'home' },
  { href: '/admin/staff', key: 'staff' },
  { href: '/admin/pools', key: 'pools' },
  { href: '/admin/policies', key: 'policies' },
  { href: '/admin/calendar', key: 'calendar' },
  { href: '/admin/catalogue', key: 'catalogue' },
  { href: '/admin/integration', key: 'integration' },
  { href: '/admin/operations', key: 'operations' },
] as const;

export function AdminNav() {
  const t = useTranslations('admin.nav');
  const pathname = usePathname();
  const current = (href: string) =>
    href === '/admin' ? pathname === '/admin' : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <nav aria-label={t('label')} className="mb-8 border-b-2 border-rule">
      <ul className="m-0 flex list-none flex-wrap gap-x-6 gap-y-1 p-0 pb-2">
        {SECTIONS.map((section) => (
          <li key={section.href}>
            <Link
              href={section.href}
              aria-current={current(section.href) ? 'page' : undefined}
              className={current(section.href) ? 'font-bold text-ink no-underline' : undefined}
            >
              {t(section.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

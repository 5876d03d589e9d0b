'use client';
// The sections of an area (administration, supervision) above its pages, the one being shown marked for screen
// readers (aria-current) and visibly. Wraps onto more lines on a phone.
import Link from 'next/link';
import { usePathname } from 'next/navigation';

export interface NavSection {
  href: string;
  label: string;
  /** Address prefixes that also belong to this section; by default `${href}/` (an area's home gives its own). */
  within?: string[];
}

export function SectionNav({ label, sections }: { label: string; sections: NavSection[] }) {
  const pathname = usePathname();
  const isCurrent = ({ href, within = [`${href}/`] }: NavSection) =>
    pathname === href || within.some((prefix) => pathname.startsWith(prefix));
  return (
    <nav aria-label={label} className="mb-6 border-b-2 border-ink">
      <ul className="m-0 flex list-none flex-wrap gap-x-1 p-0">
        {sections.map((section) => {
          const current = isCurrent(section);
          return (
            <li key={section.href}>
              <Link
                href={section.href}
                aria-current={current ? 'page' : undefined}
                className={`inline-block px-3 py-2 font-semibold ${current ? 'bg-ink text-white no-underline' : ''}`}
              >
                {section.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

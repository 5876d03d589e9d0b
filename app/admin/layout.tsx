// Administration section: its navigation, shown only to administrators (anyone else sees a plain 404 from the pages).
import type { ReactNode } from 'react';
import { AdminNav } from '@/components/admin/admin-nav';
import { getCurrentUser } from '@/lib/auth/session';

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  return (
    <>
      {user?.role === 'ADMIN' ? <AdminNav /> : null}
      {children}
    </>
  );
}

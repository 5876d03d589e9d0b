// The supervision console: section navigation above every supervision page (each page checks the role itself).
import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/i18n/client-messages';
import { SupervisorNav } from '@/components/supervisor/supervisor-nav';
import { getCurrentUser } from '@/lib/auth/session';

export default async function SuperviseLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  return (
    <ClientMessages area="supervise">
      {user?.role === 'SUPERVISOR' ? <SupervisorNav /> : null}
      {children}
    </ClientMessages>
  );
}

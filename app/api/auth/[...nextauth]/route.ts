// next-auth's endpoints (CSRF token, credential callbacks, sign-out); the configuration lives in lib/auth/options.ts.
import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/options';

const handler = NextAuth(authOptions);

export { handler as GET, handler as POST };

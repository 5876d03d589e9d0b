// next-auth (v4) configuration: two Credentials providers (citizen one-time code, staff password), JWT cookies
// that carry only a server-side session id (lib/auth/session.ts checks that row on every read), custom pages.
import 'server-only';
import type { NextAuthOptions, User } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { signInCitizen } from './citizen-sign-in';
import { ipFromHeaders } from './request-ip';
import { decodeSessionJwt, encodeSessionJwt } from './jwt-codec';
import { citizenSignInSchema, staffSignInSchema } from './schemas';
import { SESSION_ABSOLUTE_MS } from './session-policy';
import { revokeSession } from './sessions';
import { SignInRefusal, type SignInErrorCode } from './sign-in-errors';
import { signInStaff } from './staff-sign-in';
import { sessionCookiesSecure } from './secure-cookies';

type RequestHeaders = Record<string, string | string[] | undefined> | undefined;

function requestIp(headers: RequestHeaders): string {
  const realIp = headers?.['x-real-ip'];
  return ipFromHeaders(headers?.['x-forwarded-for'], typeof realIp === 'string' ? realIp : null);
}

/** Thrown from `authorize`: next-auth passes the refusal's message, its short code, to the sign-in form as `?error=`. */
function refuse(code: SignInErrorCode, count?: number): never {
  throw new SignInRefusal({ code, count });
}

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: 'jwt', maxAge: SESSION_ABSOLUTE_MS / 1000 },
  // next-auth's token format, with the derived key kept per process (jwt-codec.ts).
  jwt: { maxAge: SESSION_ABSOLUTE_MS / 1000, encode: encodeSessionJwt, decode: decodeSessionJwt },
  useSecureCookies: sessionCookiesSecure(),
  pages: { signIn: '/sign-in', error: '/sign-in' },
  providers: [
    CredentialsProvider({
      id: 'citizen-otp',
      name: 'Citizen one-time code',
      credentials: { mobile: { type: 'text' }, code: { type: 'text' } },
      async authorize(credentials, req): Promise<User> {
        const parsed = citizenSignInSchema.safeParse({
          mobile: credentials?.mobile ?? '',
          code: credentials?.code ?? '',
        });
        if (!parsed.success)
          refuse(parsed.error.issues[0]?.message === 'mobile_invalid' ? 'mobile_invalid' : 'code_format');
        const result = await signInCitizen({ ...parsed.data, ip: requestIp(req.headers) });
        if (result.ok) return { id: result.userId, sid: result.sessionId, role: 'CITIZEN' };
        if (result.error === 'code_wrong') refuse('code_wrong', result.attemptsLeft);
        if (result.error === 'rate_limited') refuse('rate_limited', result.retryAfterSeconds);
        refuse(result.error);
      },
    }),
    CredentialsProvider({
      id: 'staff-password',
      name: 'Staff password',
      credentials: { username: { type: 'text' }, password: { type: 'password' } },
      async authorize(credentials, req): Promise<User> {
        const parsed = staffSignInSchema.safeParse({
          username: credentials?.username ?? '',
          password: credentials?.password ?? '',
        });
        if (!parsed.success) refuse('credentials');
        const result = await signInStaff({ ...parsed.data, ip: requestIp(req.headers) });
        if (result.ok) return { id: result.userId, sid: result.sessionId, role: result.role };
        if (result.error === 'locked' || result.error === 'rate_limited')
          refuse(result.error, result.retryAfterSeconds);
        refuse(result.error);
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) return { sub: user.id, sid: user.sid, role: user.role };
      return token;
    },
    session({ session, token }) {
      return { expires: session.expires, sid: token.sid, uid: token.sub, role: token.role };
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.sid) await revokeSession(token.sid);
    },
  },
};

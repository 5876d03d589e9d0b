// What the session cookie carries: only the server-side session id, the user id and the role at sign-in.
import 'next-auth';
import 'next-auth/jwt';

declare module 'next-auth' {
  interface User {
    sid: string;
    role: string;
  }
  interface Session {
    sid?: string;
    uid?: string;
    role?: string;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    sid?: string;
    role?: string;
  }
}

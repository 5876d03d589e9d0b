// Renders the OpenAPI document as a plain, self-contained HTML page (no scripts, no external assets) for /api/v1/docs.
import type { OpenApiDocument } from './openapi';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The small Markdown subset the document's descriptions use: headings, lists, code blocks and `code`. */
function renderText(markdown: string): string {
  const inline = (line: string) => escapeHtml(line).replace(/`([^`]+)`/g, '<code>$1</code>');
  const html: string[] = [];
  const blocks = markdown.split(/```/);
  blocks.forEach((block, index) => {
    if (index % 2 === 1) {
      html.push(`<pre>${escapeHtml(block.replace(/^\n|\n$/g, ''))}</pre>`);
      return;
    }
    for (const paragraph of block.split(/\n\s*\n/)) {
      const text = paragraph.trim();
      if (!text) continue;
      if (text.startsWith('## ')) html.push(`<h2>${inline(text.slice(3))}</h2>`);
      else if (text.startsWith('- '))
        html.push(
          `<ul>${text
            .split(/\n(?=- )/)
            .map((item) => `<li>${inline(item.slice(2))}</li>`)
            .join('')}</ul>`,
        );
      else html.push(`<p>${inline(text)}</p>`);
    }
  });
  return html.join('\n');
}

function json(value: unknown): string {
  return `<pre>${escapeHtml(JSON.stringify(value, null, 2))}</pre>`;
}

type Operation = {
  summary?: string;
  description?: string;
  security?: unknown[];
  parameters?: { name: string; in: string; description?: string; schema?: unknown }[];
  requestBody?: { content: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description: string; content?: Record<string, { schema?: unknown }> }>;
};

function renderOperation(method: string, path: string, operation: Operation): string {
  const parts = [
    `<section><h3><code>${method.toUpperCase()} ${escapeHtml(path)}</code> — ${escapeHtml(operation.summary ?? '')}</h3>`,
  ];
  if (operation.description) parts.push(renderText(operation.description));
  parts.push(
    `<p><strong>${operation.security && operation.security.length > 0 ? 'Signed request.' : 'No signature needed.'}</strong></p>`,
  );
  if (operation.parameters?.length) {
    parts.push('<h4>Parameters</h4><ul>');
    for (const parameter of operation.parameters) {
      parts.push(
        `<li><code>${escapeHtml(parameter.name)}</code> (${escapeHtml(parameter.in)}) ${escapeHtml(parameter.description ?? '')}</li>`,
      );
    }
    parts.push('</ul>');
  }
  const body = operation.requestBody?.content['application/json']?.schema;
  if (body) parts.push('<h4>Request body (application/json)</h4>', json(body));
  parts.push('<h4>Responses</h4><ul>');
  for (const [status, response] of Object.entries(operation.responses ?? {})) {
    parts.push(`<li><code>${escapeHtml(status)}</code> ${escapeHtml(response.description)}</li>`);
  }
  parts.push('</ul>');
  const success = Object.entries(operation.responses ?? {}).find(([status]) => status.startsWith('2'))?.[1];
  const schema = success?.content?.['application/json']?.schema;
  if (schema) parts.push('<details><summary>Response schema</summary>', json(schema), '</details>');
  parts.push('</section>');
  return parts.join('\n');
}

export function renderDocsHtml(document: OpenApiDocument): string {
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => renderOperation(method, path, operation as Operation)),
  );
  const webhooks = Object.entries(document.webhooks).flatMap(([name, methods]) =>
    Object.entries(methods).map(([method, operation]) =>
      renderOperation(method, `webhook: ${name}`, operation as Operation),
    ),
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(document.info.title)} ${escapeHtml(document.info.version)}</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
pre { background: #f4f4f4; padding: 0.75rem; overflow-x: auto; font-size: 0.85rem; }
code { background: #f4f4f4; padding: 0 0.2rem; }
section { border-top: 1px solid #ccc; margin-top: 1.5rem; }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(document.info.title)} <small>v${escapeHtml(document.info.version)}</small></h1>
<p>OpenAPI ${escapeHtml(document.openapi)} document: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a></p>
${renderText(document.info.description)}
<h2>Operations</h2>
${operations.join('\n')}
<h2>Webhooks</h2>
${webhooks.join('\n')}
</main>
</body>
</html>`;
}

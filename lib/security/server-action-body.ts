// What a server-action call's body must look like before Next.js decodes it. Next.js hands the body of a request with
// a `Next-Action` header to React's decodeReply, which throws (a bare 500) on anything React's encodeReply would never
// send: a body that is not a JSON array of arguments, a multipart body without its argument list (field "0"), or a
// reference ("$Q1", "$@2", "$K9" in a text body…) to a part that is not there. proxy.ts refuses those with 400 first.
// What our clients send: plain values and objects (strings starting with "$" escaped as "$$"), dates, undefined, and
// FormData arguments (multipart, referenced as "$K<id>").

/** References React's reply format resolves without another part of the body. */
const SELF_CONTAINED = /^\$(\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|n-?\d+$|D\d{4}-)/;
const FORM_DATA_REFERENCE = /^\$K[0-9a-f]+$/;
const MAX_DEPTH = 32;

function referencesAreValid(value: unknown, multipart: boolean, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  if (typeof value === 'string') {
    if (!value.startsWith('$')) return true;
    return SELF_CONTAINED.test(value) || (multipart && FORM_DATA_REFERENCE.test(value));
  }
  if (Array.isArray(value)) return value.every((item) => referencesAreValid(item, multipart, depth + 1));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).every(
      ([key, item]) => key !== '__proto__' && referencesAreValid(item, multipart, depth + 1),
    );
  }
  return true;
}

function argumentList(text: string, multipart: boolean): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return false;
  }
  return Array.isArray(parsed) && referencesAreValid(parsed, multipart);
}

/** Whether a server-action request's body is one React's decoder accepts; reads a clone, never the request. */
export async function isWellFormedServerActionBody(request: Request): Promise<boolean> {
  const contentType = request.headers.get('content-type') ?? '';
  if (contentType.startsWith('multipart/form-data')) {
    let form: FormData;
    try {
      form = await request.clone().formData();
    } catch {
      return false;
    }
    const args = form.get('0');
    return typeof args === 'string' && argumentList(args, true);
  }
  return argumentList(await request.clone().text(), false);
}

// The heap limit of a production web process (`npm start`, the benchmark): V8 would otherwise let the heap grow
// lazily toward a quarter of the machine's memory before collecting. WEB_MAX_HEAP_MB overrides the default.
export const DEFAULT_WEB_MAX_HEAP_MB = 384;

export function webHeapOption(value = process.env.WEB_MAX_HEAP_MB): string {
  const megabytes = Number(value);
  return `--max-old-space-size=${Number.isInteger(megabytes) && megabytes >= 128 ? megabytes : DEFAULT_WEB_MAX_HEAP_MB}`;
}

/**
 * Imported first by every entry that renders the monitor, before React
 * loads: React picks its build when first loaded, and without NODE_ENV it
 * takes the development build, whose per-render checks and timing records
 * made the main thread's heap 30-40 MB larger and its frames slower under
 * a firehose. A NODE_ENV the user set is left as it is.
 */
process.env.NODE_ENV ??= 'production';

/**
 * Ink's frame throttle is off: a key's frame is written as soon as React
 * commits it. Ink's own throttle is a debounce that pushes its trailing
 * frame back on every commit, so a key waited 84-170 ms behind data frames.
 * Data-driven frames are bounded instead where they start (use-ingest.ts).
 */
export const monitorRenderOptions = {maxFps: 0} as const;

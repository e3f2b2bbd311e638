import v8 from 'node:v8';

/**
 * Imported first by every entry that renders the monitor, before React
 * loads: React picks its build when first loaded, and without NODE_ENV it
 * takes the development build, whose per-render checks and timing records
 * made the main thread's heap 30-40 MB larger and its frames slower under
 * a firehose. A NODE_ENV the user set is left as it is.
 */
process.env.NODE_ENV ??= 'production';

/**
 * Ink draws only the last frame when CI or CONTINUOUS_INTEGRATION is set,
 * which leaves a blank screen. The monitor is mounted only on a real
 * terminal (cli.tsx goes headless otherwise), so a CI variable inherited by
 * a shell on a build box must not turn the live view off.
 */
delete process.env.CI;
delete process.env.CONTINUOUS_INTEGRATION;

/**
 * Each frame Ink draws makes about 5 MB of short-lived objects, and V8 let
 * the main thread's heap grow to four times what it kept alive (20 MB live,
 * 90 MB held) before collecting. Favouring size caps that growth: the
 * process's peak under a firehose fell from about 245 MB to about 180 MB.
 * Node warns that flags set after start-up may not all apply; this one is
 * read at each collection and when each thread's heap is made.
 *
 * Shortcoming: V8 flags are per process, so the ingest threads started
 * after this line get small young generations too and spend more time
 * collecting: ingest under a firehose is about 20% slower for it (README,
 * Performance, Pipeline, with what was tried to avoid it).
 */
v8.setFlagsFromString('--optimize-for-size');

/**
 * Ink's frame throttle is off: a key's frame is written as soon as React
 * commits it. Ink's own throttle is a debounce that pushes its trailing
 * frame back on every commit, so a key waited 84-170 ms behind data frames.
 * Data-driven frames are bounded instead where they start (use-ingest.ts).
 */
export const monitorRenderOptions = {maxFps: 0} as const;

/** Timings the extension-host suite measures; index.ts writes them into the report. */
export const metrics: Record<string, number | string> = {};

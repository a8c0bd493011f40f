/**
 * Runs a service's `main()`; if start-up fails (a dependency unreachable, a port taken), prints
 * one line naming the service with the stack, and exits non-zero so `npm start` and Kubernetes
 * see it. Every service's main.ts ends with it.
 */
export function runMain(service: string, main: () => Promise<unknown>): void {
  main().catch((err: unknown) => {
    process.stderr.write(`[${service}] failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}

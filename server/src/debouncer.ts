// Per-key debouncing: scheduling a key again replaces its pending task.
// A delay of 0 runs the task right after the pending I/O (setImmediate), not after setTimeout's 1 ms minimum.

type Pending = { kind: 'timeout'; handle: NodeJS.Timeout } | { kind: 'immediate'; handle: NodeJS.Immediate };

export class Debouncer {
  private readonly timers = new Map<string, Pending>();

  schedule(key: string, delayMs: number, task: () => void): void {
    this.cancel(key);
    const run = () => {
      this.timers.delete(key);
      task();
    };
    this.timers.set(
      key,
      delayMs > 0 ? { kind: 'timeout', handle: setTimeout(run, delayMs) } : { kind: 'immediate', handle: setImmediate(run) },
    );
  }

  cancel(key: string): void {
    const pending = this.timers.get(key);
    if (pending !== undefined) {
      clear(pending);
      this.timers.delete(key);
    }
  }

  cancelAll(): void {
    for (const pending of this.timers.values()) clear(pending);
    this.timers.clear();
  }
}

function clear(pending: Pending): void {
  if (pending.kind === 'timeout') clearTimeout(pending.handle);
  else clearImmediate(pending.handle);
}

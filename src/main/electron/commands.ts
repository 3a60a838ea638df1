/**
 * Menu clicks waiting for the renderer's long poll (`app.nextCommand`). The preload exposes only
 * `invoke`, so main cannot push events; the renderer asks for the next command instead.
 */
export class CommandQueue<T> {
  private queued: T[] = [];
  private waiting: ((value: T) => void)[] = [];

  push(command: T): void {
    const waiter = this.waiting.shift();
    if (waiter) waiter(command);
    else this.queued.push(command);
  }

  next(): Promise<T> {
    const queued = this.queued.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return new Promise((resolve) => this.waiting.push(resolve));
  }
}

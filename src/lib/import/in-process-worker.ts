/**
 * The import worker run in this thread: the same handler as import-worker.ts, its messages
 * delivered asynchronously and cloned as a worker's would be. For Node, where there is no
 * module worker: the unit tests, and publishing from the command line (scripts/publish.mjs).
 */
import type { IncidentDatabase } from '../data/db';
import type { WorkerLike } from './import-session';
import type { FromWorker, ToWorker } from './protocol';
import { createImportHandler } from './worker-handler';

export class InProcessWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  /** The messages sent to it, by type, in order. */
  readonly sent: ToWorker['type'][] = [];
  private readonly handle: (message: ToWorker) => Promise<void>;

  constructor(db: IncidentDatabase) {
    this.handle = createImportHandler({
      post: (message) => {
        if (!this.terminated) queueMicrotask(() => this.onmessage?.({ data: structuredClone(message) } as MessageEvent<FromWorker>));
      },
      openDatabase: () => db,
    });
  }

  postMessage(message: ToWorker): void {
    this.sent.push(message.type);
    queueMicrotask(() => {
      if (!this.terminated) void this.handle(message);
    });
  }

  terminate(): void {
    this.terminated = true;
  }
}

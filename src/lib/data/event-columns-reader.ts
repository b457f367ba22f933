/**
 * The page's side of event-columns-worker.ts: the imported events' columns read in a worker
 * and transferred, so that neither the read nor the join of a million rows' chunks holds the
 * page's thread. Where a worker cannot be started (or fails), they are read here instead.
 */
import type { IncidentDatabase } from './db';
import type { EventColumns } from './event-columns';
import { readVisibleEventColumns } from './event-store';

export interface EventColumnsRequest {
  id: number;
  dbName: string;
}

export type EventColumnsAnswer = { id: number; type: 'columns'; columns: EventColumns[] } | { id: number; type: 'error'; message: string };

/** What the worker answers to a request (run in the worker). */
export async function answerColumnsRequest(db: IncidentDatabase, request: EventColumnsRequest): Promise<EventColumnsAnswer> {
  try {
    return { id: request.id, type: 'columns', columns: await readVisibleEventColumns(db) };
  } catch (error) {
    return { id: request.id, type: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}

/** Every buffer of the columns, to transfer (each array owns its buffer: concatEventChunks makes them). */
export function columnBuffers(columns: readonly EventColumns[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const c of columns)
    for (const array of [c.day, c.lon, c.lat, c.eventType, c.fatalities, c.originLon, c.originLat]) if (array) buffers.add(array.buffer as ArrayBuffer);
  return [...buffers];
}

export interface WorkerLike {
  postMessage(message: EventColumnsRequest): void;
  onmessage: ((event: MessageEvent<EventColumnsAnswer>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export type StartWorker = () => WorkerLike;

const startColumnsWorker: StartWorker = () =>
  new Worker(new URL('./event-columns-worker.ts', import.meta.url), { type: 'module', name: 'event-columns' }) as unknown as WorkerLike;

/** The worker could not start or stopped: the page reads instead, from then on. */
class WorkerFailure extends Error {}

export interface EventColumnsReader {
  /** The columns of every visible dataset that holds events (as readVisibleEventColumns). */
  read(db: IncidentDatabase): Promise<EventColumns[]>;
}

export function createEventColumnsReader(start: StartWorker | null = typeof Worker === 'undefined' ? null : startColumnsWorker): EventColumnsReader {
  let worker: WorkerLike | null = null;
  let broken = start === null;
  let nextId = 0;
  const waiting = new Map<number, { resolve(columns: EventColumns[]): void; reject(error: Error): void }>();

  function failAll(error: Error): void {
    broken = true;
    worker = null;
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  }

  function started(): WorkerLike {
    if (worker) return worker;
    const w = start!();
    w.onmessage = (event) => {
      const answer = event.data;
      const pending = waiting.get(answer.id);
      if (!pending) return;
      waiting.delete(answer.id);
      if (answer.type === 'columns') pending.resolve(answer.columns);
      else pending.reject(new Error(answer.message));
    };
    w.onerror = (event) => {
      event.preventDefault?.();
      failAll(new WorkerFailure(event.message || 'the worker reading imported events stopped'));
    };
    return (worker = w);
  }

  async function offThread(db: IncidentDatabase): Promise<EventColumns[]> {
    const id = ++nextId;
    const answer = new Promise<EventColumns[]>((resolve, reject) => waiting.set(id, { resolve, reject }));
    try {
      started().postMessage({ id, dbName: db.name });
    } catch (error) {
      waiting.delete(id);
      throw new WorkerFailure(error instanceof Error ? error.message : String(error));
    }
    return answer;
  }

  return {
    async read(db) {
      if (!broken) {
        try {
          return await offThread(db);
        } catch (error) {
          // A read that failed in the worker would fail here too: said as it is.
          if (!(error instanceof WorkerFailure)) throw error;
          console.warn('reading imported events on the page instead:', error.message);
          broken = true;
        }
      }
      return readVisibleEventColumns(db);
    },
  };
}

/**
 * Reads the columns of the imported events shown (readVisibleEventColumns) off the page's
 * thread and hands them over without a copy (their buffers are transferred). For a million
 * rows, taking the stored chunks out of IndexedDB and joining them costs about 100 ms, which
 * on the page's thread was one long task between an import's end and its first frame
 * (issue 22, part 3). Started by event-columns-reader.ts.
 */
import { IncidentDatabase } from './db';
import { answerColumnsRequest, columnBuffers, type EventColumnsAnswer, type EventColumnsRequest } from './event-columns-reader';

const scope = self as unknown as {
  postMessage(message: EventColumnsAnswer, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<EventColumnsRequest>) => void) | null;
};

const databases = new Map<string, IncidentDatabase>();

scope.onmessage = (event: MessageEvent<EventColumnsRequest>) => {
  const { dbName } = event.data;
  let db = databases.get(dbName);
  if (!db) databases.set(dbName, (db = new IncidentDatabase(dbName)));
  void answerColumnsRequest(db, event.data).then((answer: EventColumnsAnswer) => scope.postMessage(answer, answer.type === 'columns' ? columnBuffers(answer.columns) : []));
};

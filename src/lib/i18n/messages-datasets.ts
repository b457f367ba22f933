/**
 * Strings of the import button, the map's drop zone and the dataset list: what the page
 * shows before any import. Merged into messages-en.ts (first load); the Arabic ones are in
 * messages-datasets-ar.ts. The import dialog's own strings are in messages-import.ts, loaded
 * with the dialog.
 */
import { plural } from './plural';

export const datasetsEn = {
  'import.open': 'Import data…',
  'import.cancel': 'Cancel',
  'import.dismiss': 'Dismiss',
  'import.dialog.label': 'Import data',
  'import.dialog.formats': "CSV (ACLED or other), GeoJSON, or this app's JSON. You can also drop a file on the map.",
  'import.count.events': plural({ one: '{count} event', other: '{count} events' }),
  'import.count.incidents': plural({ one: '{count} incident', other: '{count} incidents' }),
  'import.count.arcs': plural({ one: '{count} arc', other: '{count} arcs' }),
  'import.count.places': plural({ one: '{count} place', other: '{count} places' }),
  'import.drop.region': 'Map (drop a data file here to import it)',
  'import.drop.hint': 'Drop a CSV (ACLED or other), GeoJSON or JSON file to import it',
  'import.drop.busy': 'An import is already running',
  'import.drop.busyNotice': 'An import is already running: wait for it or cancel it first.',
  'import.drop.oneFile': 'One file at a time: importing {file} only.',
  'import.datasets.bundledName': 'Curated incidents from five Arabic articles',
  'import.datasets.newName': 'New name',
  'import.datasets.save': 'Save',
  'import.datasets.rename': 'Rename',
  'import.datasets.confirmDelete': 'Confirm deletion',
  'import.datasets.deleteQuestion': 'Delete “{name}” and all its rows?',
  'import.datasets.delete': 'Delete',
  'import.datasets.keep': 'Keep',
  'import.datasets.empty': 'No datasets.',
  'import.datasets.error.name-empty': 'A dataset needs a name.',
  'import.datasets.error.name-too-long': 'That name is too long ({max} characters at most).',
  'import.datasets.error.dataset-missing': 'No dataset {id} (deleted in another tab?).',
  'import.datasets.error.bundled-undeletable': 'The bundled dataset cannot be deleted; hide it instead.',
  'import.datasets.error.unexpected': 'Could not change the dataset: {detail}',
} as const;

/** How the import dialog names a file's text encoding ("UTF-8 with a byte order mark", "Arabic (Windows-1256)"). */
import type { EncodingGuess } from '../import/encoding';
import { t } from './i18n.svelte';

const ENCODING_NAMES = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE' } as const;

export function encodingLabel(guess: EncodingGuess): string {
  const name = guess.encoding === 'windows-1256' || guess.encoding === 'windows-1252' ? t(`import.encoding.${guess.encoding}`) : ENCODING_NAMES[guess.encoding];
  return guess.bom ? t('import.encoding.withBom', { encoding: name }) : name;
}

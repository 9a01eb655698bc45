// From a file the translator picked to an import plan: refuses what is too large before reading
// it, and tells a backup from XLIFF by its content, whatever the file is called.
import { t, uiLanguage } from '../i18n';
import { planFromBackup } from './import-backup';
import { ImportError, MAX_IMPORT_BYTES, type ImportPlan } from './import-plan';
import { looksLikeXml, planFromXliff } from './import-xliff';

export interface PickedFile {
  name: string;
  size: number;
  text(): Promise<string>;
}

export async function planFromFile(file: PickedFile, parser?: DOMParser): Promise<ImportPlan> {
  if (file.size > MAX_IMPORT_BYTES) {
    throw new ImportError(t('importTooLarge', megabytes(file.size), megabytes(MAX_IMPORT_BYTES)));
  }
  if (file.size === 0) throw new ImportError(t('importEmptyFile'));
  const text = await file.text();
  if (/^\s*(\uFEFF)?\{/.test(text)) return planFromBackup(text);
  if (looksLikeXml(text)) return planFromXliff(text, parser);
  throw new ImportError(t('importUnknownKind'));
}

/** A file size in whole megabytes (rounded up), as the UI language writes it ("41 MB", "41 МБ"). */
export function megabytes(bytes: number): string {
  const format = new Intl.NumberFormat(uiLanguage(), { style: 'unit', unit: 'megabyte', maximumFractionDigits: 0 });
  return format.format(Math.ceil(bytes / 1024 / 1024));
}

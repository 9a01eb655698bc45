// From a file the translator picked to an import plan: refuses what is too large before reading
// it, and tells a backup from XLIFF by its content, whatever the file is called.
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
    const mb = (n: number) => `${Math.ceil(n / 1024 / 1024)} MB`;
    throw new ImportError(`This file (${mb(file.size)}) is larger than the ${mb(MAX_IMPORT_BYTES)} Interlinear imports.`);
  }
  if (file.size === 0) throw new ImportError('This file is empty.');
  const text = await file.text();
  if (/^\s*(\uFEFF)?\{/.test(text)) return planFromBackup(text);
  if (looksLikeXml(text)) return planFromXliff(text, parser);
  throw new ImportError('This file is neither an Interlinear backup (JSON) nor XLIFF.');
}

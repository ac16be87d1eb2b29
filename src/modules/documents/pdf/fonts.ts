import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Sarabun (OFL-1.1) from `@expo-google-fonts/sarabun`: full TTFs with Thai and Latin in one
 * file, which pdfkit subsets and embeds. Read once per process.
 */
export interface FontFiles {
  regular: Buffer;
  bold: Buffer;
}

const require = createRequire(import.meta.url);
let files: FontFiles | undefined;

export function sarabunFiles(): FontFiles {
  files ??= {
    regular: readFileSync(require.resolve('@expo-google-fonts/sarabun/400Regular/Sarabun_400Regular.ttf')),
    bold: readFileSync(require.resolve('@expo-google-fonts/sarabun/700Bold/Sarabun_700Bold.ttf')),
  };
  return files;
}

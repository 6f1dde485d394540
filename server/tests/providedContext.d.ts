// What server/tests/globalSetup.ts hands the test files through vitest's provide/inject.
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The suite's throwaway cluster (database `trygghetskartan`); take a fresh database with freshDatabase(). */
    databaseUrl: string;
  }
}

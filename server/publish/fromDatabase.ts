/**
 * The citizens' site's source from the team server's current data (Publish): the records table
 * as a Dataset, as a restored backup would hold it, and the accepted citizens' reports as one
 * answer set (store/citizenReports.ts), read in one snapshot so a publish never mixes two states.
 */
import type { Pool } from 'pg';
import { fromRows, toTransferable } from '../../src/analysis/answers/columns';
import { RECORD_TABLES } from '../../src/domain/changes';
import type { Dataset } from '../../src/domain/dataset';
import type { BackupAnswerSet } from '../../src/io/backupAnswers';
import type { PublicSource } from '../../src/io/publicSite/buildSite';
import { acceptedAnswers } from '../store/citizenReports';

export const CITIZEN_ANSWER_SET_ID = 'citizen-reports';

export async function readPublicSource(pool: Pool): Promise<PublicSource> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // Records were checked by the write door (or the seed's parser) when they were written.
    const { rows } = await client.query<{ table_name: keyof Dataset; record: never }>('SELECT table_name, record FROM records ORDER BY table_name, id');
    const answers = await acceptedAnswers(client);
    await client.query('COMMIT');
    const dataset = Object.fromEntries(RECORD_TABLES.map((t) => [t, [] as unknown[]])) as unknown as Dataset;
    for (const row of rows) (dataset[row.table_name] as unknown[] | undefined)?.push(row.record);
    const answerSets: BackupAnswerSet[] = answers.length
      ? [{ id: CITIZEN_ANSWER_SET_ID, fileName: 'medborgarrapporter', importedAt: new Date().toISOString(), count: answers.length, columns: toTransferable(fromRows(answers)).message }]
      : [];
    return { ...dataset, answerSets };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

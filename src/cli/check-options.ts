/** What both ways of checking a file (in memory, streaming) are given. */
import type { CheckSession } from "../core/engine";
import type { Lang } from "../core/vocabulary";

export interface CheckFileOptions {
  readonly file: string;
  /** The name results carry when several files are checked together; undefined for one file. */
  readonly displayName: string | undefined;
  /** One session for every file checked together, so duplicates across files are found. */
  readonly session: CheckSession;
  readonly lang: Lang;
  /** Where to write the annotated copy, or null to only check. */
  readonly out: string | null;
  /** Called every 10,000 rows read. */
  readonly onRows?: (rows: number) => void;
  readonly onWriting?: () => void;
}

/** A reason to stop with exit code 2: one line, in the reader's language (check and rekap alike). */
export class Failure extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

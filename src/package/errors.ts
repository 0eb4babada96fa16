/**
 * Why a package cannot be read, as codes: the command line and the task pane each turn a
 * code into their own one-line message. Never a library's stack trace.
 */
export type PackageErrorCode =
  /** An OLE compound file holding an "EncryptedPackage" stream: a password-protected workbook. */
  | "encrypted"
  /** An OLE compound file without one: the old binary .xls format. */
  | "old-xls"
  | "empty"
  /** Not a zip at all (CSV, text, another format renamed). */
  | "not-zip"
  /** A zip, but no workbook part in it. */
  | "not-workbook"
  /** An .xlsb: the workbook part is binary. */
  | "binary-workbook"
  /** The zip structure is broken; `detail` tells where. */
  | "damaged"
  /** A part the workbook names is not in the zip; `detail` names it. */
  | "missing-part";

export type DamageDetail =
  | "no-end-record"
  | "directory-outside"
  | "directory-damaged"
  | "entry-damaged"
  | "entry-encrypted"
  | "unsupported-compression"
  | "xml-damaged";

export class PackageError extends Error {
  constructor(
    readonly code: PackageErrorCode,
    readonly detail?: string,
  ) {
    super(detail !== undefined ? `${code}: ${detail}` : code);
    this.name = "PackageError";
  }
}

export const isPackageError = (error: unknown): error is PackageError => error instanceof PackageError;

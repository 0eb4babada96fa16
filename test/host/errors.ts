/**
 * Errors shaped like OfficeExtension.Error (name, code, message, debugInfo), with the codes
 * and messages Excel uses, so the adapter's error handling is exercised as in Office.
 */

export type HostErrorCode =
  | "PropertyNotLoaded"
  | "ApiNotFound"
  | "AccessDenied"
  | "InvalidArgument"
  | "InvalidReference"
  | "InvalidOperation"
  | "InvalidOperationInCellEditMode"
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "InvalidRequestContext"
  | "InvalidObjectPath"
  | "InvalidSelection"
  | "RunMustReturnPromise"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "RangeExceedsLimit"
  | "GeneralException";

const MESSAGES: Record<HostErrorCode, string> = {
  PropertyNotLoaded: "",
  ApiNotFound: "The API you are trying to use could not be found. It may be available in a newer version of Excel.",
  AccessDenied: "You cannot perform the requested operation.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  InvalidReference: "This reference is not valid for the current operation.",
  InvalidOperation: "The operation attempted is invalid on the object.",
  InvalidOperationInCellEditMode:
    "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
  ItemNotFound: "The requested resource doesn't exist.",
  ItemAlreadyExists: "The resource being created already exists.",
  InvalidRequestContext: "Cannot use the object across different request contexts.",
  InvalidObjectPath: "The object path is not valid.",
  InvalidSelection: "The current selection is invalid for this operation.",
  RunMustReturnPromise:
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation.',
  RequestPayloadSizeLimitExceeded: "The request payload size has exceeded the limit.",
  ResponsePayloadSizeLimitExceeded: "The response payload size has exceeded the limit.",
  RangeExceedsLimit: "The cell count in the range has exceeded the maximum supported number.",
  GeneralException: "An internal error has occurred while processing the request.",
};

export class HostError extends Error {
  readonly code: HostErrorCode;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  readonly traceMessages: string[] = [];
  readonly innerError: null = null;

  constructor(code: HostErrorCode, message?: string, errorLocation?: string) {
    const text = message ?? MESSAGES[code];
    super(text);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = errorLocation === undefined ? { code, message: text } : { code, message: text, errorLocation };
  }
}

/** The error Office throws when a property is read before load() + sync(). */
export function propertyNotLoaded(property: string): HostError {
  return new HostError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

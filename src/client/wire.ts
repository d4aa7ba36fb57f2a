// Everything a DisClient needs only once it sends a request: undici (through the transport) and the
// zod schemas of the bodies it reads. DisClient loads this module on its first call, so that loading
// the package, or constructing a client, costs neither (see docs/decisions/0003).
export { findProjectId, requestToken } from './iam';
export {
  ListStreamsResponseSchema,
  ListTransferTasksResponseSchema,
  parseJsonResponse,
  ShowTransferTaskResponseSchema,
  toListTransferTasksResult,
  toTransferTaskDetails,
} from './schemas';
export { exchange } from './transport';

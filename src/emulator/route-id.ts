/** The operations the emulator serves, named after the service's operation names. */
export type RouteId =
  | 'ListTransferTasks'
  | 'ShowTransferTask'
  | 'BatchTransferTaskAction'
  | 'ListStreams'
  | 'KeystoneListProjects'
  | 'KeystoneCreateUserTokenByPassword'
  | 'Admin';

/** Every {@link RouteId}, for validation and fault targeting. */
export const ROUTE_IDS: readonly RouteId[] = [
  'ListTransferTasks',
  'ShowTransferTask',
  'BatchTransferTaskAction',
  'ListStreams',
  'KeystoneListProjects',
  'KeystoneCreateUserTokenByPassword',
  'Admin',
];

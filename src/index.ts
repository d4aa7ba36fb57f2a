// Public entry point. Each part adds its exports here as it lands.
export * from './client/dis-error';
export * from './client/transfer-task-state';
export * from './client/destination-type';
export * from './client/transfer-task';
export * from './client/list-transfer-tasks-result';
export * from './lookup/snapshot-source';
export * from './lookup/transfer-tasks-snapshot';
export * from './lookup/transfer-tasks-lookup';

// zod schemas of every body the client reads. The emulator imports them too.
export * from './transfer-task-payload';
export * from './list-transfer-tasks-response';
export * from './show-transfer-task-response';
export * from './list-streams-response';
export * from './iam-projects-response';
export * from './iam-token-response';
export * from './error-body';

export * from './model';
export * from './errors';
export * from './events';
export * from './api';
export * from './audit';
export * from './report';
export * from './rules';
export * from './queue';

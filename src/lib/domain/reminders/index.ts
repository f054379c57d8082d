export * from './types';
export * from './collect';
export * from './format';

export * from './sites';
export * from './checks';

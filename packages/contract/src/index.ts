export * from './errors';
export * from './roles';
export * from './vocabulary';
export * from './common';
export * from './auth';
export * from './organisations';
export * from './catalog';
export * from './search';

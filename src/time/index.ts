export * from './zones';
export * from './zoned';
export * from './periods';
export * from './daily-schedule';

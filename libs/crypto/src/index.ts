export * from './canonical-json';
export * from './aes-gcm';

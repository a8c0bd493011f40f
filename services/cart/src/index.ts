// cart service as a library (see its README)
export {};

export * from "./retryPolicy";
export * from "./pacer";
export * from "./paginate";
export * from "./poll";

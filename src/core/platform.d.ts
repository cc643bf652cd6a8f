// The few platform globals that every runtime Lakelab targets (Node 20, browsers, Web
// Workers) provides, declared here because core compiles without DOM or Node types.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
}
declare function btoa(data: string): string;
declare function atob(data: string): string;

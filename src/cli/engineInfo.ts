/** What Lakelab writes as commitInfo.engineInfo. */
export const lakelabVersion = '0.1.0';
export const engineInfo = `Lakelab/${lakelabVersion}`;

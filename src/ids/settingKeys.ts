/** Every setting the extension reads, by its full key; package.json's `configuration` declares the mediaTasks ones. */
export const SettingKeys = {
  refreshIntervalSeconds: 'mediaTasks.refreshIntervalSeconds',
  defaultTimeRangeHours: 'mediaTasks.defaultTimeRangeHours',
  notifications: 'mediaTasks.notifications',
  statusBarAlwaysShow: 'mediaTasks.statusBar.alwaysShow',
  requestTimeoutSeconds: 'mediaTasks.requestTimeoutSeconds',
  endpointTencent: 'mediaTasks.endpoints.tencent',
  endpointTencentSignedHost: 'mediaTasks.endpoints.tencentSignedHost',
  endpointZego: 'mediaTasks.endpoints.zego',
  sandboxHostileStrings: 'mediaTasks.sandbox.hostileStrings',
  readOnly: 'mediaTasks.readOnly',
  ledgerRetentionDays: 'mediaTasks.ledger.retentionDays',
  ledgerMaxEntries: 'mediaTasks.ledger.maxEntries',
  callbackReceiverEnabled: 'mediaTasks.callbacks.receiver.enabled',
  callbackReceiverPort: 'mediaTasks.callbacks.receiver.port',
  alertsScope: 'mediaTasks.alerts.scope',
  alertsSnoozeHours: 'mediaTasks.alerts.snoozeHours',
  alertsHoursTrtcRecording: 'mediaTasks.alerts.hours.trtcRecording',
  alertsHoursTrtcRelay: 'mediaTasks.alerts.hours.trtcRelay',
  alertsHoursGme: 'mediaTasks.alerts.hours.gme',
  alertsHoursCss: 'mediaTasks.alerts.hours.css',
  alertsHoursZegoRecording: 'mediaTasks.alerts.hours.zegoRecording',
  alertsLimitZegoMaxRecordTime: 'mediaTasks.alerts.limits.zegoMaxRecordTimeHours',
  alertsLimitTrtcResourceExpired: 'mediaTasks.alerts.limits.trtcResourceExpiredHours',
  /** VS Code's own proxy setting, which the vendor transport honours. */
  httpProxy: 'http.proxy',
} as const;

export type SettingKey = (typeof SettingKeys)[keyof typeof SettingKeys];

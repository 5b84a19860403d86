/** The `demo()` snapshot: credentials (callback keys included), app ids and the task ids current at the time of the call. */
import type { DemoCredentials } from '../types';
import { currentTrtcTaskIds, currentTrtcTaskRooms } from './trtc';
import { vodSubApp } from './vod';
import type { World } from './world';

export function demoCredentials(world: World, nowMs: number): DemoCredentials {
  return {
    tencent: world.tencent.map((app) => ({
      label: app.label,
      hostileStrings: app.hostileStrings,
      secretId: app.secretId,
      secretKey: app.secretKey,
      ...(app.token === undefined ? {} : { token: app.token }),
      region: app.region,
      trtcSdkAppId: app.trtcSdkAppId,
      gmeBizId: app.gmeBizId,
      cssDomain: app.cssDomain,
      gmeRoomIds: app.gmeRooms.map((room) => room.roomId),
      trtcRecordingTaskIds: currentTrtcTaskIds(app, 'recording', nowMs),
      trtcRelayTaskIds: currentTrtcTaskIds(app, 'relay', nowMs),
      trtcTaskRooms: currentTrtcTaskRooms(app, nowMs),
      vod: vodSubApp(app),
      readOnlyKey: { secretId: app.readOnlySecretId, secretKey: app.readOnlySecretKey },
      callbackKeys: app.callbackKeys,
    })),
    zego: world.zego.map((app) => ({
      label: app.label,
      hostileStrings: app.hostileStrings,
      appId: app.appId,
      serverSecret: app.serverSecret,
      callbackSecret: app.callbackSecret,
    })),
  };
}

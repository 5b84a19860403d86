/** GME DescribeTaskInfo (2018-07-11): the recording task currently running in a room, if any. */
import { gmeCurrentTask } from '../demo/gme';
import { DESCRIBE_TASK_INFO } from '../../vendors/tencent/actions';
import { documented, type TencentAction } from './action';
import { TencentApiError } from './errors';

/** GME room ids are short strings; an empty or overlong one is rejected rather than looked up. */
const MAX_ROOM_ID_LENGTH = 127;

export const gmeDescribeTaskInfo: TencentAction = {
  ...documented(DESCRIBE_TASK_INFO),
  params: [
    { name: 'BizId', type: 'integer', required: true, missing: 'MissingParameter', invalid: 'InvalidParameter' },
    { name: 'RoomId', type: 'string', required: true, missing: 'MissingParameter', invalid: 'InvalidParameterValue.InvalidRoomId' },
  ],
  handle({ app, params, nowMs }) {
    if (params.int('BizId') !== app.gmeBizId) throw new TencentApiError('InvalidParameterValue.InvalidBizId', 'Invalid BizId.');
    const roomId = params.str('RoomId');
    if (roomId.length > MAX_ROOM_ID_LENGTH) throw new TencentApiError('InvalidParameterValue.InvalidRoomId', 'Invalid RoomId.');
    const room = app.gmeRooms.find((r) => r.roomId === roomId);
    if (!room) throw new TencentApiError('ResourceNotFound.RoomNotFound', 'The room does not exist.');
    const task = gmeCurrentTask(room, nowMs, app.stops);
    // No task running: the documented nullable fields are simply absent.
    if (!task) return {};
    return {
      TaskId: task.taskId,
      RecordMode: task.recordMode,
      SubscribeRecordUserIds: { SubscribeUserIds: task.subscribeUserIds, UnSubscribeUserIds: task.unSubscribeUserIds },
    };
  },
};

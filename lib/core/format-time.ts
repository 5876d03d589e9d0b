// Times in messages leave the server in Asia/Shanghai, whatever the machine's zone: `11-28 12:12`.
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

export function formatShanghaiTime(at: Date): string {
  return format(new TZDate(at.getTime(), 'Asia/Shanghai'), 'yyyy-MM-dd HH:mm');
}

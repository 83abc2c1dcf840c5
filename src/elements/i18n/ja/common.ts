import type { common as en } from '../en/common.js';

export const common: typeof en = {
  loading: '読み込み中…',
  retry: '再試行',
  cancel: 'キャンセル',
  close: '閉じる',
  requestId: (id) => `サポート用の参照番号: ${id}`,
  error: '問題が発生しました。',
  approval: {
    none: '承認なし',
    draft: '下書き',
    'in-review': 'レビュー中',
    approved: '承認済み',
    rejected: '却下',
  },
  errors: {
    network: 'サーバーに接続できません。接続を確認してもう一度お試しください。',
    'bad-response': 'サーバーから読み取れない応答が返されました。',
    unauthenticated: 'セッションが終了しました。もう一度サインインしてください。',
    forbidden: 'この操作を行う権限がありません。',
    'not-found': 'この項目は存在しないか、削除されました。',
    'rate-limited': 'リクエストが多すぎます。しばらく待ってからもう一度お試しください。',
    'upstream-unavailable': '現在 Extended ECM を利用できません。後でもう一度お試しください。',
    'upstream-timeout': 'Extended ECM の応答に時間がかかりすぎました。もう一度お試しください。',
  },
  opensInNewTab: '(新しいタブで開きます)',
};

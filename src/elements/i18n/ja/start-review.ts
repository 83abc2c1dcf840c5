import type { startReview as en } from '../en/start-review.js';

export const startReview: typeof en = {
  button: 'レビューを開始',
  dialogTitleWorkspace: 'このワークスペースのレビューを開始',
  dialogTitleDocument: 'このドキュメントのレビューを開始',
  workflow: 'ワークフロー',
  comment: 'コメント（任意）',
  commentHint: 'レビュー担当者はタスクと一緒にこのコメントを確認できます。',
  submit: 'レビューを開始',
  submitting: '開始しています…',
  cancel: 'キャンセル',
  checking: 'レビューを開始できるか確認しています…',
  started: (workflow) => `${workflow} を開始しました。`,
  reasonRunning: 'レビューは既に進行中です。',
  reasonRunningStep: (step) => `レビューは既に進行中です（現在のステップ: ${step}）。`,
  reasonNotPermitted: 'ここでレビューを開始する権限がありません。',
  reasonNoWorkflows: 'ここで使用できるレビューワークフローはありません。',
  failed: 'レビューを開始できませんでした。',
  optionsFailed: 'レビューのオプションを読み込めませんでした。',
  retry: '再試行',
};

import type { workspaceCard as en } from '../en/workspace-card.js';

export const workspaceCard: typeof en = {
  loading: 'ワークスペースを読み込み中…',
  type: (type) => `ワークスペースの種類: ${type}`,
  // Japanese has no grammatical plural.
  documents: (_n, formatted) => `ドキュメント ${formatted} 件`,
  updated: (relative) => `${relative}に更新`,
  updatedExact: (exact) => `最終更新日時: ${exact}`,
  metadata: '主な情報',
  notFound: 'このレコードのワークスペースはまだありません。',
  notFoundNoCreate: 'このレコードのワークスペースはまだありません。管理者に作成を依頼してください。',
  notFoundById: 'このワークスペースは存在しないか、削除されています。',
  create: 'ワークスペースを作成',
  creating: 'ワークスペースを作成中…',
  createFailed: 'ワークスペースを作成できませんでした。',
  forbidden: 'このワークスペースを表示する権限がありません。',
  error: 'ワークスペースを読み込めませんでした。',
  reference: (requestId) => `参照番号: ${requestId}`,
  unconfigured: 'ワークスペースが選択されていません。',
};

import type { approvalBadge as en } from '../en/approval-badge.js';

export const approvalBadge: typeof en = {
  withStep: (state, step) => `${state}：${step}`,
  loading: '承認ステータスを読み込み中',
  unavailable: '承認ステータスを取得できません',
};

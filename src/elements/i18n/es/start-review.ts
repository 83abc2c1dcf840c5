import type { startReview as en } from '../en/start-review.js';

export const startReview: typeof en = {
  button: 'Iniciar revisión',
  dialogTitleWorkspace: 'Iniciar una revisión de este espacio de trabajo',
  dialogTitleDocument: 'Iniciar una revisión de este documento',
  workflow: 'Flujo de trabajo',
  comment: 'Comentario (opcional)',
  commentHint: 'Los revisores verán este comentario junto con su tarea.',
  submit: 'Iniciar revisión',
  submitting: 'Iniciando…',
  cancel: 'Cancelar',
  checking: 'Comprobando si se puede iniciar una revisión…',
  started: (workflow) => `${workflow} se ha iniciado.`,
  reasonRunning: 'Ya hay una revisión en curso.',
  reasonRunningStep: (step) => `Ya hay una revisión en curso (paso actual: ${step}).`,
  reasonNotPermitted: 'No tiene permiso para iniciar una revisión aquí.',
  reasonNoWorkflows: 'Aquí no se aplica ningún flujo de revisión.',
  failed: 'No se pudo iniciar la revisión.',
  optionsFailed: 'No se pudieron cargar las opciones de revisión.',
  retry: 'Reintentar',
};

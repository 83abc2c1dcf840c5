import type { common as en } from '../en/common.js';

export const common: typeof en = {
  loading: 'Cargando…',
  retry: 'Reintentar',
  cancel: 'Cancelar',
  close: 'Cerrar',
  requestId: (id) => `Referencia para soporte: ${id}`,
  error: 'Algo salió mal.',
  approval: {
    none: 'Sin aprobación',
    draft: 'Borrador',
    'in-review': 'En revisión',
    approved: 'Aprobado',
    rejected: 'Rechazado',
  },
  errors: {
    network: 'No se puede conectar con el servidor. Compruebe su conexión e inténtelo de nuevo.',
    'bad-response': 'El servidor envió una respuesta que esta página no puede leer.',
    unauthenticated: 'Su sesión ha caducado. Vuelva a iniciar sesión.',
    forbidden: 'No tiene permiso para hacer esto.',
    'not-found': 'Este elemento no existe o se eliminó.',
    'rate-limited': 'Demasiadas solicitudes. Espere un momento e inténtelo de nuevo.',
    'upstream-unavailable': 'Extended ECM no está disponible ahora. Inténtelo más tarde.',
    'upstream-timeout': 'Extended ECM tardó demasiado en responder. Inténtelo de nuevo.',
  },
  opensInNewTab: '(se abre en una pestaña nueva)',
};

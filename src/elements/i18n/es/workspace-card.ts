import type { workspaceCard as en } from '../en/workspace-card.js';

export const workspaceCard: typeof en = {
  loading: 'Cargando el espacio de trabajo…',
  type: (type) => `Tipo de espacio de trabajo: ${type}`,
  documents: (n, formatted) => (n === 1 ? '1 documento' : `${formatted} documentos`),
  updated: (relative) => `Actualizado ${relative}`,
  updatedExact: (exact) => `Última actualización: ${exact}`,
  metadata: 'Información clave',
  notFound: 'Todavía no existe ningún espacio de trabajo para este registro.',
  notFoundNoCreate:
    'Todavía no existe ningún espacio de trabajo para este registro. Pida a un administrador que lo cree.',
  notFoundById: 'Este espacio de trabajo no existe o se ha eliminado.',
  create: 'Crear espacio de trabajo',
  creating: 'Creando el espacio de trabajo…',
  createFailed: 'No se pudo crear el espacio de trabajo.',
  forbidden: 'No tiene permiso para ver este espacio de trabajo.',
  error: 'No se pudo cargar el espacio de trabajo.',
  reference: (requestId) => `Referencia: ${requestId}`,
  unconfigured: 'No se ha seleccionado ningún espacio de trabajo.',
};

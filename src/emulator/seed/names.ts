// Word lists for realistic generated names.

export const COMPANIES = [
  'Northwind Traders',
  'Contoso Pharmaceuticals',
  'Fabrikam Logistics',
  'Wayne Enterprises',
  'Tyrell Systems',
  'Cyberdyne Robotics',
  'Soylent Foods',
  'Hooli Cloud',
  'Vandelay Industries',
  'Wonka Confectionery',
  'Oceanic Airlines',
  'Aperture Laboratories',
  'Massive Dynamic',
  'Gringotts Finance',
  'Blue Sun Energy',
  'Monarch Solutions',
  'Nakatomi Trading',
  'Pied Piper Software',
  'Dunder Mifflin Paper',
  'Krusty Holdings',
  'Sterling Cooper Media',
  'Virtucon Engineering',
  'Zorg Manufacturing',
  'Ollivander Instruments',
] as const;

export const SUPPLIER_SUFFIXES = ['GmbH', 'AG', 'Ltd.', 'S.A.', 'B.V.', 'Inc.'] as const;
export const SUPPLIER_STEMS = [
  'Precision Castings',
  'Nordic Steel',
  'Alpine Fasteners',
  'Rhein Hydraulics',
  'Baltic Polymers',
  'Iberia Circuits',
  'Danube Bearings',
  'Celtic Coatings',
] as const;

export const PROJECTS = [
  'Warehouse Automation',
  'Data Center Migration',
  'Line 4 Retrofit',
  'Solar Roof Installation',
  'Fleet Electrification',
  'ERP Rollout Phase 2',
  'Headquarters Renovation',
  'Cold Storage Extension',
  'Packaging Line Upgrade',
  'Wind Farm Substation',
] as const;

export const CASE_TOPICS = [
  'Warranty Claim',
  'Customer Complaint',
  'Quality Deviation',
  'Delivery Damage',
  'Billing Dispute',
  'Product Recall Inquiry',
  'Safety Incident',
] as const;

export const PEOPLE = [
  'Maria Chen',
  'Jonas Weber',
  'Aisha Khan',
  'Lucas Martin',
  'Sofia Rossi',
  'Kenji Tanaka',
  'Emma Dubois',
  'Liam O’Connor',
  'Priya Nair',
  'Carlos García',
  'Hannah Berg',
  'Noah Schmidt',
] as const;

export const INDUSTRIES = [
  'Manufacturing',
  'Retail',
  'Energy',
  'Healthcare',
  'Logistics',
  'Finance',
] as const;

export interface DocumentPattern {
  readonly stems: readonly string[];
  readonly extensions: readonly string[];
}

/** What kind of documents live in a folder of a given name. `#` becomes a number. */
export const FOLDER_PATTERNS: Readonly<Record<string, DocumentPattern>> = {
  Contracts: {
    stems: [
      'Master Services Agreement',
      'Non-Disclosure Agreement',
      'Amendment #',
      'Statement of Work #',
      'Service Level Agreement',
      'Framework Contract',
      'Purchase Agreement #',
      'Data Processing Agreement',
    ],
    extensions: ['pdf', 'pdf', 'docx'],
  },
  Invoices: {
    stems: ['Invoice INV-2025-#', 'Credit Note CN-#', 'Payment Reminder #'],
    extensions: ['pdf', 'pdf', 'xlsx'],
  },
  Correspondence: {
    stems: [
      'Meeting Minutes #',
      'RE: Delivery schedule #',
      'Letter of Intent',
      'RE: Price adjustment #',
      'Call Notes #',
    ],
    extensions: ['eml', 'docx', 'txt', 'pdf'],
  },
  Confidential: {
    stems: ['Pricing Strategy #', 'Margin Analysis Q#', 'Board Memo #', 'Litigation Hold Notice #'],
    extensions: ['xlsx', 'docx', 'pdf', 'pptx'],
  },
  Drawings: {
    stems: [
      'Site Plan Rev #',
      'Floor Plan Level #',
      'Electrical Schematic #',
      'Piping Diagram #',
      'Site Photo #',
    ],
    extensions: ['dwg', 'dwg', 'pdf', 'png', 'jpg'],
  },
  Documents: {
    stems: [
      'Project Plan v#',
      'Risk Register #',
      'Status Report Week #',
      'Steering Committee Deck #',
      'Change Request CR-#',
    ],
    extensions: ['docx', 'xlsx', 'pptx', 'pdf'],
  },
  'Case Files': {
    stems: ['Claim Form #', 'Inspection Report #', 'Root Cause Analysis #', 'Resolution Summary #'],
    extensions: ['pdf', 'docx', 'pdf'],
  },
  Evidence: { stems: ['Photo #', 'Scan #', 'Test Log #'], extensions: ['jpg', 'png', 'pdf', 'txt'] },
};

export const MIME_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  png: 'image/png',
  jpg: 'image/jpeg',
  dwg: 'image/vnd.dwg',
  txt: 'text/plain',
  eml: 'message/rfc822',
  html: 'text/html',
  svg: 'image/svg+xml',
};

export function mimeTypeForName(name: string, fallback = 'application/octet-stream'): string {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  return MIME_TYPES[ext] ?? fallback;
}

/** Audit event types the emulator records (N14 `audit_event_types`). */
export const AUDIT_EVENTS = {
  create: { id: 1, name: 'Create' },
  update: { id: 2, name: 'Properties Changed' },
  addVersion: { id: 3, name: 'Add Version' },
  categoryChange: { id: 4, name: 'Attribute Value Changed' },
  workflowInitiated: { id: 5, name: 'Workflow Initiated' },
  workflowStep: { id: 6, name: 'Workflow Step Completed' },
  workflowCompleted: { id: 7, name: 'Workflow Completed' },
  masterData: { id: 8, name: 'Business Object Data Updated' },
  delete: { id: 9, name: 'Delete' },
  referenceChange: { id: 10, name: 'Business Object Reference Changed' },
} as const;

export const AUDIT_EVENT_LIST = Object.values(AUDIT_EVENTS);

/** What kubeway made of a file, in words an editor can show: checked as a manifest, skipped, or not Kubernetes. */
import type { Workspace } from '../model/workspace';

export type FileStatusKind = 'manifest' | 'template' | 'not-kubernetes' | 'empty' | 'unknown';

export interface FileStatus {
  kind: FileStatusKind;
  /** Kubernetes objects found in the file. */
  objects: number;
  /** One line for a status bar or an information note. */
  message: string;
}

/** The status of a file of the workspace (`unknown` when the workspace does not hold it: excluded by the settings). */
export function fileStatus(ws: Workspace, path: string): FileStatus {
  const model = ws.file(path);
  if (!model)
    return { kind: 'unknown', objects: 0, message: 'Not checked: the kubeway.files settings leave this file out.' };
  const file = model.file;
  if (file.template) {
    return { kind: 'template', objects: 0, message: `Skipped: ${file.template.message}.` };
  }
  const objects = model.objects.length;
  if (file.looksLikeKubernetes)
    return { kind: 'manifest', objects, message: `Checked: ${objects} Kubernetes object${objects === 1 ? '' : 's'}.` };
  if (file.text.trim() === '')
    return { kind: 'empty', objects: 0, message: 'Empty: a manifest once a document has apiVersion and kind.' };
  return {
    kind: 'not-kubernetes',
    objects: 0,
    message: 'Not a Kubernetes manifest (no document has apiVersion and kind): nothing to check.',
  };
}

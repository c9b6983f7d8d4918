/** The engine's public surface: everything the CLI, the language server and the diagram use. */
export * from './types';
export * from './settings';
export { ManifestFile, ManifestDocument, isTemplateText } from './parse/manifestFile';
export { LineIndex } from './parse/lines';
export { DocReader } from './parse/nodes';
export { Workspace } from './model/workspace';
export type { FileModel } from './model/workspace';
export { K8sObject, DEFAULT_NAMESPACE } from './model/object';
export { podTemplateOf } from './model/podTemplate';
export type { PodTemplate, Container, ContainerPort } from './model/podTemplate';
export { serviceOf, selectorMatches } from './model/service';
export type { Service, ServicePort } from './model/service';
export { ingressOf, serviceBackends } from './model/ingress';
export type { Ingress, IngressBackend, IngressPath, IngressRule } from './model/ingress';
export { checkFile, checkWorkspace, compareDiagnostics } from './check';
export type { CheckOptions } from './check';
export { ALL_RULES, ruleById } from './rules/registry';
export type { Rule } from './rules/rule';

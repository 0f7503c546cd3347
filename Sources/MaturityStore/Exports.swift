// Diagnostic, ValidationFailure, YAMLDocument and QuestionnaireLoader live in MaturityYAML (so the
// build-time content compiler can use them); whoever reads files through the store sees them too.
@_exported import MaturityYAML
